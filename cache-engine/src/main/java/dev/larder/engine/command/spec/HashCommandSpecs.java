package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.doubleArg;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.pattern;
import static dev.larder.engine.command.spec.Arg.pureToken;
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
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The hash commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class HashCommandSpecs {

	/** {@code HDEL key field [field ...]} */
	public static final CommandSpec HDEL = CommandSpec.command("hdel")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Delete one or more hash fields")
		.complexity("O(N) where N is the number of fields to be removed.")
		.history("2.4.0", "Accepts multiple `field` arguments.")
		.arguments(key("key", 0), string("field").multiple())
		.build();

	/** {@code HEXISTS key field} */
	public static final CommandSpec HEXISTS = CommandSpec.command("hexists")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Determine if a hash field exists")
		.complexity("O(1)")
		.arguments(key("key", 0), string("field"))
		.build();

	/** {@code HGET key field} */
	public static final CommandSpec HGET = CommandSpec.command("hget")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Get the value of a hash field")
		.complexity("O(1)")
		.arguments(key("key", 0), string("field"))
		.build();

	/** {@code HGETALL key} */
	public static final CommandSpec HGETALL = CommandSpec.command("hgetall")
		.arity(2)
		.flags(READONLY)
		.acl(AclCategory.HASH)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Get all the fields and values in a hash")
		.complexity("O(N) where N is the size of the hash.")
		.arguments(key("key", 0))
		.build();

	/** {@code HINCRBY key field increment} */
	public static final CommandSpec HINCRBY = CommandSpec.command("hincrby")
		.arity(4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Increment the integer value of a hash field by the given number")
		.complexity("O(1)")
		.arguments(key("key", 0), string("field"), integer("increment"))
		.build();

	/** {@code HINCRBYFLOAT key field increment} */
	public static final CommandSpec HINCRBYFLOAT = CommandSpec.command("hincrbyfloat")
		.arity(4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.HASH)
		.since("2.6.0")
		.summary("Increment the float value of a hash field by the given amount")
		.complexity("O(1)")
		.arguments(key("key", 0), string("field"), doubleArg("increment"))
		.build();

	/** {@code HKEYS key} */
	public static final CommandSpec HKEYS = CommandSpec.command("hkeys")
		.arity(2)
		.flags(READONLY)
		.acl(AclCategory.HASH)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Get all the fields in a hash")
		.complexity("O(N) where N is the size of the hash.")
		.arguments(key("key", 0))
		.build();

	/** {@code HLEN key} */
	public static final CommandSpec HLEN = CommandSpec.command("hlen")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Get the number of fields in a hash")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code HMGET key field [field ...]} */
	public static final CommandSpec HMGET = CommandSpec.command("hmget")
		.arity(-3)
		.flags(READONLY, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Get the values of all the given hash fields")
		.complexity("O(N) where N is the number of fields being requested.")
		.arguments(key("key", 0), string("field").multiple())
		.build();

	/** {@code HMSET key field value [field value ...]} */
	public static final CommandSpec HMSET = CommandSpec.command("hmset")
		.arity(-4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Set multiple hash fields to multiple values")
		.complexity("O(N) where N is the number of fields being set.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("4.0.0")
		.replacedBy("`HSET` with multiple field-value pairs")
		.arguments(key("key", 0), block("field_value", string("field"), string("value")).multiple())
		.build();

	/** {@code HRANDFIELD key [count [WITHVALUES]]} */
	public static final CommandSpec HRANDFIELD = CommandSpec.command("hrandfield")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.HASH)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("6.2.0")
		.summary("Get one or multiple random fields from a hash")
		.complexity("O(N) where N is the number of fields returned")
		.arguments(key("key", 0),
				block("options", integer("count"), pureToken("withvalues", "WITHVALUES").optional()).optional())
		.build();

	/** {@code HSCAN key cursor [MATCH pattern] [COUNT count]} */
	public static final CommandSpec HSCAN = CommandSpec.command("hscan")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.HASH)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("2.8.0")
		.summary("Incrementally iterate hash fields and associated values")
		.complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls "
				+ "for the cursor to return back to 0. N is the number of elements inside the collection..")
		.arguments(key("key", 0), integer("cursor"), pattern("pattern").token("MATCH").optional(),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code HSET key field value [field value ...]} */
	public static final CommandSpec HSET = CommandSpec.command("hset")
		.arity(-4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Set the string value of a hash field")
		.complexity("O(1) for each field/value pair added, so O(N) to add N field/value "
				+ "pairs when the command is called with multiple field/value pairs.")
		.history("4.0.0", "Accepts multiple `field` and `value` arguments.")
		.arguments(key("key", 0), block("field_value", string("field"), string("value")).multiple())
		.build();

	/** {@code HSETNX key field value} */
	public static final CommandSpec HSETNX = CommandSpec.command("hsetnx")
		.arity(4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Set the value of a hash field, only if the field does not exist")
		.complexity("O(1)")
		.arguments(key("key", 0), string("field"), string("value"))
		.build();

	/** {@code HSTRLEN key field} */
	public static final CommandSpec HSTRLEN = CommandSpec.command("hstrlen")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.HASH)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.HASH)
		.since("3.2.0")
		.summary("Get the length of the value of a hash field")
		.complexity("O(1)")
		.arguments(key("key", 0), string("field"))
		.build();

	/** {@code HVALS key} */
	public static final CommandSpec HVALS = CommandSpec.command("hvals")
		.arity(2)
		.flags(READONLY)
		.acl(AclCategory.HASH)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.HASH)
		.since("2.0.0")
		.summary("Get all the values in a hash")
		.complexity("O(N) where N is the size of the hash.")
		.arguments(key("key", 0))
		.build();

	private HashCommandSpecs() {
	}

}
