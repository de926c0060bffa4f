package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.pattern;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT_ORDER;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.INSERT;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The set commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class SetCommandSpecs {

	/** {@code SADD key member [member ...]} */
	public static final CommandSpec SADD = CommandSpec.command("sadd")
		.arity(-3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Add one or more members to a set")
		.complexity("O(1) for each element added, so O(N) to add N "
				+ "elements when the command is called with multiple arguments.")
		.history("2.4.0", "Accepts multiple `member` arguments.")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/** {@code SCARD key} */
	public static final CommandSpec SCARD = CommandSpec.command("scard")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Get the number of members in a set")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code SDIFF key [key ...]} */
	public static final CommandSpec SDIFF = CommandSpec.command("sdiff")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Subtract multiple sets")
		.complexity("O(N) where N is the total number of elements in all given sets.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code SDIFFSTORE destination key [key ...]} */
	public static final CommandSpec SDIFFSTORE = CommandSpec.command("sdiffstore")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Subtract multiple sets and store the resulting set in a key")
		.complexity("O(N) where N is the total number of elements in all given sets.")
		.arguments(key("destination", 0), key("key", 1).multiple())
		.build();

	/** {@code SINTER key [key ...]} */
	public static final CommandSpec SINTER = CommandSpec.command("sinter")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Intersect multiple sets")
		.complexity(
				"O(N*M) worst case where N is the cardinality " + "of the smallest set and M is the number of sets.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code SINTERCARD numkeys key [key ...] [LIMIT limit]} */
	public static final CommandSpec SINTERCARD = CommandSpec.command("sintercard")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.SET)
		.since("7.0.0")
		.summary("Intersect multiple sets and return the cardinality of the result")
		.complexity(
				"O(N*M) worst case where N is the cardinality " + "of the smallest set and M is the number of sets.")
		.arguments(integer("numkeys"), key("key", 0).multiple(), integer("limit").token("LIMIT").optional())
		.build();

	/** {@code SINTERSTORE destination key [key ...]} */
	public static final CommandSpec SINTERSTORE = CommandSpec.command("sinterstore")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE), KeySpec.index(2).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Intersect multiple sets and store the resulting set in a key")
		.complexity(
				"O(N*M) worst case where N is the cardinality " + "of the smallest set and M is the number of sets.")
		.arguments(key("destination", 0), key("key", 1).multiple())
		.build();

	/** {@code SISMEMBER key member} */
	public static final CommandSpec SISMEMBER = CommandSpec.command("sismember")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Determine if a given value is a member of a set")
		.complexity("O(1)")
		.arguments(key("key", 0), string("member"))
		.build();

	/** {@code SMEMBERS key} */
	public static final CommandSpec SMEMBERS = CommandSpec.command("smembers")
		.arity(2)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Get all the members in a set")
		.complexity("O(N) where N is the set cardinality.")
		.arguments(key("key", 0))
		.build();

	/** {@code SMISMEMBER key member [member ...]} */
	public static final CommandSpec SMISMEMBER = CommandSpec.command("smismember")
		.arity(-3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("6.2.0")
		.summary("Returns the membership associated with the given elements for a set")
		.complexity("O(N) where N is the number of elements being checked for membership")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/** {@code SMOVE source destination member} */
	public static final CommandSpec SMOVE = CommandSpec.command("smove")
		.arity(4)
		.flags(WRITE, FAST)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Move a member from one set to another")
		.complexity("O(1)")
		.arguments(key("source", 0), key("destination", 1), string("member"))
		.build();

	/** {@code SPOP key [count]} */
	public static final CommandSpec SPOP = CommandSpec.command("spop")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Remove and return one or multiple random members from a set")
		.complexity("Without the count argument O(1), otherwise O(N) where N is the value of the passed count.")
		.history("3.2.0", "Added the `count` argument.")
		.arguments(key("key", 0), integer("count").since("3.2.0").optional())
		.build();

	/** {@code SRANDMEMBER key [count]} */
	public static final CommandSpec SRANDMEMBER = CommandSpec.command("srandmember")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Get one or multiple random members from a set")
		.complexity("Without the count argument O(1), otherwise O(N) "
				+ "where N is the absolute value of the passed count.")
		.history("2.6.0", "Added the optional `count` argument.")
		.arguments(key("key", 0), integer("count").since("2.6.0").optional())
		.build();

	/** {@code SREM key member [member ...]} */
	public static final CommandSpec SREM = CommandSpec.command("srem")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Remove one or more members from a set")
		.complexity("O(N) where N is the number of members to be removed.")
		.history("2.4.0", "Accepts multiple `member` arguments.")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/** {@code SSCAN key cursor [MATCH pattern] [COUNT count]} */
	public static final CommandSpec SSCAN = CommandSpec.command("sscan")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("2.8.0")
		.summary("Incrementally iterate Set elements")
		.complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls "
				+ "for the cursor to return back to 0. N is the number of elements inside the collection..")
		.arguments(key("key", 0), integer("cursor"), pattern("pattern").token("MATCH").optional(),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code SUNION key [key ...]} */
	public static final CommandSpec SUNION = CommandSpec.command("sunion")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.SET)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Add multiple sets")
		.complexity("O(N) where N is the total number of elements in all given sets.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code SUNIONSTORE destination key [key ...]} */
	public static final CommandSpec SUNIONSTORE = CommandSpec.command("sunionstore")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SET)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.SET)
		.since("1.0.0")
		.summary("Add multiple sets and store the resulting set in a key")
		.complexity("O(N) where N is the total number of elements in all given sets.")
		.arguments(key("destination", 0), key("key", 1).multiple())
		.build();

	private SetCommandSpecs() {
	}

}
