package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.doubleArg;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pattern;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.BLOCKING;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The sorted-set commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class SortedSetCommandSpecs {

	/** {@code BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]} */
	public static final CommandSpec BZMPOP = CommandSpec.command("bzmpop")
		.arity(-5)
		.flags(WRITE, BLOCKING)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(2).keynum(0, 1, 1).flags(RW, ACCESS, DELETE))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SORTED_SET)
		.since("7.0.0")
		.summary("Remove and return members with scores in a sorted set or block until one is available")
		.complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the "
				+ "number of elements in the sorted set, and M being the number of elements popped.")
		.arguments(doubleArg("timeout"), integer("numkeys"), key("key", 0).multiple(),
				oneOf("where", pureToken("min", "MIN"), pureToken("max", "MAX")),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code BZPOPMAX key [key ...] timeout} */
	public static final CommandSpec BZPOPMAX = CommandSpec.command("bzpopmax")
		.arity(-3)
		.flags(WRITE, NOSCRIPT, BLOCKING, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(-2).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("5.0.0")
		.summary("Remove and return the member with the highest score from "
				+ "one or more sorted sets, or block until one is available")
		.complexity("O(log(N)) with N being the number of elements in the sorted set.")
		.history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
		.arguments(key("key", 0).multiple(), doubleArg("timeout"))
		.build();

	/** {@code BZPOPMIN key [key ...] timeout} */
	public static final CommandSpec BZPOPMIN = CommandSpec.command("bzpopmin")
		.arity(-3)
		.flags(WRITE, NOSCRIPT, BLOCKING, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(-2).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("5.0.0")
		.summary("Remove and return the member with the lowest score from "
				+ "one or more sorted sets, or block until one is available")
		.complexity("O(log(N)) with N being the number of elements in the sorted set.")
		.history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
		.arguments(key("key", 0).multiple(), doubleArg("timeout"))
		.build();

	/**
	 * {@code ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]}
	 */
	public static final CommandSpec ZADD = CommandSpec.command("zadd")
		.arity(-4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Add one or more members to a sorted set, or update its score if it already exists")
		.complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
		.history("2.4.0", "Accepts multiple elements.")
		.history("3.0.2", "Added the `XX`, `NX`, `CH` and `INCR` options.")
		.history("6.2.0", "Added the `GT` and `LT` options.")
		.arguments(key("key", 0),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX")).since("3.0.2").optional(),
				oneOf("comparison", pureToken("gt", "GT"), pureToken("lt", "LT")).since("6.2.0").optional(),
				pureToken("change", "CH").since("3.0.2").optional(),
				pureToken("increment", "INCR").since("3.0.2").optional(),
				block("score_member", doubleArg("score"), string("member")).multiple())
		.build();

	/** {@code ZCARD key} */
	public static final CommandSpec ZCARD = CommandSpec.command("zcard")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Get the number of members in a sorted set")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code ZCOUNT key min max} */
	public static final CommandSpec ZCOUNT = CommandSpec.command("zcount")
		.arity(4)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Count the members in a sorted set with scores within the given values")
		.complexity("O(log(N)) with N being the number of elements in the sorted set.")
		.arguments(key("key", 0), doubleArg("min"), doubleArg("max"))
		.build();

	/** {@code ZDIFF numkeys key [key ...] [WITHSCORES]} */
	public static final CommandSpec ZDIFF = CommandSpec.command("zdiff")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Subtract multiple sorted sets")
		.complexity("O(L + (N-K)log(N)) worst case where L is the total number of elements in all "
				+ "the sets, N is the size of the first set, and K is the size of the result set.")
		.arguments(integer("numkeys"), key("key", 0).multiple(), pureToken("withscores", "WITHSCORES").optional())
		.build();

	/** {@code ZDIFFSTORE destination numkeys key [key ...]} */
	public static final CommandSpec ZDIFFSTORE = CommandSpec.command("zdiffstore")
		.arity(-4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(1, 2, 3))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Subtract multiple sorted sets and store the resulting sorted set in a new key")
		.complexity("O(L + (N-K)log(N)) worst case where L is the total number of elements in all "
				+ "the sets, N is the size of the first set, and K is the size of the result set.")
		.arguments(key("destination", 0), integer("numkeys"), key("key", 1).multiple())
		.build();

	/** {@code ZINCRBY key increment member} */
	public static final CommandSpec ZINCRBY = CommandSpec.command("zincrby")
		.arity(4)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Increment the score of a member in a sorted set")
		.complexity("O(log(N)) where N is the number of elements in the sorted set.")
		.arguments(key("key", 0), integer("increment"), string("member"))
		.build();

	/**
	 * {@code ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]}
	 */
	public static final CommandSpec ZINTER = CommandSpec.command("zinter")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Intersect multiple sorted sets")
		.complexity("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the "
				+ "number of input sorted sets and M being the number of elements in the resulting sorted set.")
		.arguments(integer("numkeys"), key("key", 0).multiple(),
				integer("weight").token("WEIGHTS").optional().multiple(),
				oneOf("aggregate", pureToken("sum", "SUM"), pureToken("min", "MIN"), pureToken("max", "MAX"))
					.token("AGGREGATE")
					.optional(),
				pureToken("withscores", "WITHSCORES").optional())
		.build();

	/** {@code ZINTERCARD numkeys key [key ...] [LIMIT limit]} */
	public static final CommandSpec ZINTERCARD = CommandSpec.command("zintercard")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.SORTED_SET)
		.since("7.0.0")
		.summary("Intersect multiple sorted sets and return the cardinality of the result")
		.complexity("O(N*K) worst case with N being the smallest input "
				+ "sorted set, K being the number of input sorted sets.")
		.arguments(integer("numkeys"), key("key", 0).multiple(), integer("limit").token("LIMIT").optional())
		.build();

	/**
	 * {@code ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]}
	 */
	public static final CommandSpec ZINTERSTORE = CommandSpec.command("zinterstore")
		.arity(-4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(1, 2, 3))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Intersect multiple sorted sets and store the resulting sorted set in a new key")
		.complexity("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the "
				+ "number of input sorted sets and M being the number of elements in the resulting sorted set.")
		.arguments(key("destination", 0), integer("numkeys"), key("key", 1).multiple(),
				integer("weight").token("WEIGHTS").optional().multiple(),
				oneOf("aggregate", pureToken("sum", "SUM"), pureToken("min", "MIN"), pureToken("max", "MAX"))
					.token("AGGREGATE")
					.optional())
		.build();

	/** {@code ZLEXCOUNT key min max} */
	public static final CommandSpec ZLEXCOUNT = CommandSpec.command("zlexcount")
		.arity(4)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.8.9")
		.summary("Count the number of members in a sorted set between a given lexicographical range")
		.complexity("O(log(N)) with N being the number of elements in the sorted set.")
		.arguments(key("key", 0), string("min"), string("max"))
		.build();

	/** {@code ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]} */
	public static final CommandSpec ZMPOP = CommandSpec.command("zmpop")
		.arity(-4)
		.flags(WRITE)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RW, ACCESS, DELETE))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.SORTED_SET)
		.since("7.0.0")
		.summary("Remove and return members with scores in a sorted set")
		.complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the "
				+ "number of elements in the sorted set, and M being the number of elements popped.")
		.arguments(integer("numkeys"), key("key", 0).multiple(),
				oneOf("where", pureToken("min", "MIN"), pureToken("max", "MAX")),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code ZMSCORE key member [member ...]} */
	public static final CommandSpec ZMSCORE = CommandSpec.command("zmscore")
		.arity(-3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Get the score associated with the given members in a sorted set")
		.complexity("O(N) where N is the number of members being requested.")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/** {@code ZPOPMAX key [count]} */
	public static final CommandSpec ZPOPMAX = CommandSpec.command("zpopmax")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("5.0.0")
		.summary("Remove and return members with the highest scores in a sorted set")
		.complexity("O(log(N)*M) with N being the number of elements in the "
				+ "sorted set, and M being the number of elements popped.")
		.arguments(key("key", 0), integer("count").optional())
		.build();

	/** {@code ZPOPMIN key [count]} */
	public static final CommandSpec ZPOPMIN = CommandSpec.command("zpopmin")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("5.0.0")
		.summary("Remove and return members with the lowest scores in a sorted set")
		.complexity("O(log(N)*M) with N being the number of elements in the "
				+ "sorted set, and M being the number of elements popped.")
		.arguments(key("key", 0), integer("count").optional())
		.build();

	/** {@code ZRANDMEMBER key [count [WITHSCORES]]} */
	public static final CommandSpec ZRANDMEMBER = CommandSpec.command("zrandmember")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Get one or multiple random elements from a sorted set")
		.complexity("O(N) where N is the number of elements returned")
		.arguments(key("key", 0),
				block("options", integer("count"), pureToken("withscores", "WITHSCORES").optional()).optional())
		.build();

	/**
	 * {@code ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]}
	 */
	public static final CommandSpec ZRANGE = CommandSpec.command("zrange")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Return a range of members in a sorted set")
		.complexity("O(log(N)+M) with N being the number of elements in "
				+ "the sorted set and M the number of elements returned.")
		.history("6.2.0", "Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options.")
		.arguments(key("key", 0), string("start"), string("stop"),
				oneOf("sortby", pureToken("byscore", "BYSCORE"), pureToken("bylex", "BYLEX")).since("6.2.0").optional(),
				pureToken("rev", "REV").since("6.2.0").optional(),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").since("6.2.0").optional(),
				pureToken("withscores", "WITHSCORES").optional())
		.build();

	/** {@code ZRANGEBYLEX key min max [LIMIT offset count]} */
	public static final CommandSpec ZRANGEBYLEX = CommandSpec.command("zrangebylex")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.8.9")
		.summary("Return a range of members in a sorted set, by lexicographical range")
		.complexity("O(log(N)+M) with N being the number of elements in the sorted set and M "
				+ "the number of elements being returned. If M is constant (e.g. always "
				+ "asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`ZRANGE` with the `BYLEX` argument")
		.arguments(key("key", 0), string("min"), string("max"),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional())
		.build();

	/** {@code ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]} */
	public static final CommandSpec ZRANGEBYSCORE = CommandSpec.command("zrangebyscore")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("1.0.5")
		.summary("Return a range of members in a sorted set, by score")
		.complexity("O(log(N)+M) with N being the number of elements in the sorted set and M "
				+ "the number of elements being returned. If M is constant (e.g. always "
				+ "asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`ZRANGE` with the `BYSCORE` argument")
		.history("2.0.0", "Added the `WITHSCORES` modifier.")
		.arguments(key("key", 0), doubleArg("min"), doubleArg("max"),
				pureToken("withscores", "WITHSCORES").since("2.0.0").optional(),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional())
		.build();

	/**
	 * {@code ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]}
	 */
	public static final CommandSpec ZRANGESTORE = CommandSpec.command("zrangestore")
		.arity(-5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Store a range of members from sorted set into another key")
		.complexity("O(log(N)+M) with N being the number of elements in the sorted "
				+ "set and M the number of elements stored into the destination key.")
		.arguments(key("dst", 0), key("src", 1), string("min"), string("max"),
				oneOf("sortby", pureToken("byscore", "BYSCORE"), pureToken("bylex", "BYLEX")).optional(),
				pureToken("rev", "REV").optional(),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional())
		.build();

	/** {@code ZRANK key member} */
	public static final CommandSpec ZRANK = CommandSpec.command("zrank")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Determine the index of a member in a sorted set")
		.complexity("O(log(N))")
		.arguments(key("key", 0), string("member"))
		.build();

	/** {@code ZREM key member [member ...]} */
	public static final CommandSpec ZREM = CommandSpec.command("zrem")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Remove one or more members from a sorted set")
		.complexity("O(M*log(N)) with N being the number of elements in the "
				+ "sorted set and M the number of elements to be removed.")
		.history("2.4.0", "Accepts multiple elements.")
		.arguments(key("key", 0), string("member").multiple())
		.build();

	/** {@code ZREMRANGEBYLEX key min max} */
	public static final CommandSpec ZREMRANGEBYLEX = CommandSpec.command("zremrangebylex")
		.arity(4)
		.flags(WRITE)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("2.8.9")
		.summary("Remove all members in a sorted set between the given lexicographical range")
		.complexity("O(log(N)+M) with N being the number of elements in the "
				+ "sorted set and M the number of elements removed by the operation.")
		.arguments(key("key", 0), string("min"), string("max"))
		.build();

	/** {@code ZREMRANGEBYRANK key start stop} */
	public static final CommandSpec ZREMRANGEBYRANK = CommandSpec.command("zremrangebyrank")
		.arity(4)
		.flags(WRITE)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Remove all members in a sorted set within the given indexes")
		.complexity("O(log(N)+M) with N being the number of elements in the "
				+ "sorted set and M the number of elements removed by the operation.")
		.arguments(key("key", 0), integer("start"), integer("stop"))
		.build();

	/** {@code ZREMRANGEBYSCORE key min max} */
	public static final CommandSpec ZREMRANGEBYSCORE = CommandSpec.command("zremrangebyscore")
		.arity(4)
		.flags(WRITE)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Remove all members in a sorted set within the given scores")
		.complexity("O(log(N)+M) with N being the number of elements in the "
				+ "sorted set and M the number of elements removed by the operation.")
		.arguments(key("key", 0), doubleArg("min"), doubleArg("max"))
		.build();

	/** {@code ZREVRANGE key start stop [WITHSCORES]} */
	public static final CommandSpec ZREVRANGE = CommandSpec.command("zrevrange")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Return a range of members in a sorted set, by index, with scores ordered from high to low")
		.complexity("O(log(N)+M) with N being the number of elements in "
				+ "the sorted set and M the number of elements returned.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`ZRANGE` with the `REV` argument")
		.arguments(key("key", 0), integer("start"), integer("stop"), pureToken("withscores", "WITHSCORES").optional())
		.build();

	/** {@code ZREVRANGEBYLEX key max min [LIMIT offset count]} */
	public static final CommandSpec ZREVRANGEBYLEX = CommandSpec.command("zrevrangebylex")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.8.9")
		.summary("Return a range of members in a sorted set, by "
				+ "lexicographical range, ordered from higher to lower strings.")
		.complexity("O(log(N)+M) with N being the number of elements in the sorted set and M "
				+ "the number of elements being returned. If M is constant (e.g. always "
				+ "asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`ZRANGE` with the `REV` and `BYLEX` arguments")
		.arguments(key("key", 0), string("max"), string("min"),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional())
		.build();

	/** {@code ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]} */
	public static final CommandSpec ZREVRANGEBYSCORE = CommandSpec.command("zrevrangebyscore")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.2.0")
		.summary("Return a range of members in a sorted set, by score, with scores ordered from high to low")
		.complexity("O(log(N)+M) with N being the number of elements in the sorted set and M "
				+ "the number of elements being returned. If M is constant (e.g. always "
				+ "asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`ZRANGE` with the `REV` and `BYSCORE` arguments")
		.history("2.1.6", "`min` and `max` can be exclusive.")
		.arguments(key("key", 0), doubleArg("max"), doubleArg("min"), pureToken("withscores", "WITHSCORES").optional(),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional())
		.build();

	/** {@code ZREVRANK key member} */
	public static final CommandSpec ZREVRANK = CommandSpec.command("zrevrank")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Determine the index of a member in a sorted set, with scores ordered from high to low")
		.complexity("O(log(N))")
		.arguments(key("key", 0), string("member"))
		.build();

	/** {@code ZSCAN key cursor [MATCH pattern] [COUNT count]} */
	public static final CommandSpec ZSCAN = CommandSpec.command("zscan")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.8.0")
		.summary("Incrementally iterate sorted sets elements and associated scores")
		.complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls "
				+ "for the cursor to return back to 0. N is the number of elements inside the collection..")
		.arguments(key("key", 0), integer("cursor"), pattern("pattern").token("MATCH").optional(),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code ZSCORE key member} */
	public static final CommandSpec ZSCORE = CommandSpec.command("zscore")
		.arity(3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("1.2.0")
		.summary("Get the score associated with the given member in a sorted set")
		.complexity("O(1)")
		.arguments(key("key", 0), string("member"))
		.build();

	/**
	 * {@code ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]}
	 */
	public static final CommandSpec ZUNION = CommandSpec.command("zunion")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.SORTED_SET)
		.since("6.2.0")
		.summary("Add multiple sorted sets")
		.complexity("O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted "
				+ "sets, and M being the number of elements in the resulting sorted set.")
		.arguments(integer("numkeys"), key("key", 0).multiple(),
				integer("weight").token("WEIGHTS").optional().multiple(),
				oneOf("aggregate", pureToken("sum", "SUM"), pureToken("min", "MIN"), pureToken("max", "MAX"))
					.token("AGGREGATE")
					.optional(),
				pureToken("withscores", "WITHSCORES").optional())
		.build();

	/**
	 * {@code ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]}
	 */
	public static final CommandSpec ZUNIONSTORE = CommandSpec.command("zunionstore")
		.arity(-4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE), KeySpec.index(2).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(1, 2, 3))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Add multiple sorted sets and store the resulting sorted set in a new key")
		.complexity("O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted "
				+ "sets, and M being the number of elements in the resulting sorted set.")
		.arguments(key("destination", 0), integer("numkeys"), key("key", 1).multiple(),
				integer("weight").token("WEIGHTS").optional().multiple(),
				oneOf("aggregate", pureToken("sum", "SUM"), pureToken("min", "MIN"), pureToken("max", "MAX"))
					.token("AGGREGATE")
					.optional())
		.build();

	private SortedSetCommandSpecs() {
	}

}
