package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.doubleArg;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.Arg.unixTime;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_MULTI_SHARD;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_AGG_MIN;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_ALL_SUCCEEDED;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.INSERT;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;
import static dev.larder.engine.command.spec.KeySpecFlag.VARIABLE_FLAGS;

/**
 * The string commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class StringCommandSpecs {

	/** {@code APPEND key value} */
	public static final CommandSpec APPEND = CommandSpec.command("append")
		.arity(3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.STRING)
		.since("2.0.0")
		.summary("Append a value to a key")
		.complexity("O(1). The amortized time complexity is O(1) assuming the appended value is "
				+ "small and the already present value is of any size, since the dynamic string "
				+ "library used by Redis will double the free space available on every reallocation.")
		.arguments(key("key", 0), string("value"))
		.build();

	/** {@code DECR key} */
	public static final CommandSpec DECR = CommandSpec.command("decr")
		.arity(2)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Decrement the integer value of a key by one")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code DECRBY key decrement} */
	public static final CommandSpec DECRBY = CommandSpec.command("decrby")
		.arity(3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Decrement the integer value of a key by the given number")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("decrement"))
		.build();

	/** {@code GET key} */
	public static final CommandSpec GET = CommandSpec.command("get")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Get the value of a key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code GETDEL key} */
	public static final CommandSpec GETDEL = CommandSpec.command("getdel")
		.arity(2)
		.flags(WRITE, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.STRING)
		.since("6.2.0")
		.summary("Get the value of a key and delete the key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/**
	 * {@code GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]}
	 */
	public static final CommandSpec GETEX = CommandSpec.command("getex")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE).notes("RW and UPDATE because it changes the TTL"))
		.group(CommandGroup.STRING)
		.since("6.2.0")
		.summary("Get the value of a key and optionally set its expiration")
		.complexity("O(1)")
		.arguments(key("key", 0),
				oneOf("expiration", integer("seconds").token("EX"), integer("milliseconds").token("PX"),
						unixTime("unix-time-seconds").token("EXAT"), unixTime("unix-time-milliseconds").token("PXAT"),
						pureToken("persist", "PERSIST"))
					.optional())
		.build();

	/** {@code GETRANGE key start end} */
	public static final CommandSpec GETRANGE = CommandSpec.command("getrange")
		.arity(4)
		.flags(READONLY)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STRING)
		.since("2.4.0")
		.summary("Get a substring of the string stored at a key")
		.complexity("O(N) where N is the length of the returned string. The complexity is "
				+ "ultimately determined by the returned length, but because creating a substring "
				+ "from an existing string is very cheap, it can be considered O(1) for small strings.")
		.arguments(key("key", 0), integer("start"), integer("end"))
		.build();

	/** {@code GETSET key value} */
	public static final CommandSpec GETSET = CommandSpec.command("getset")
		.arity(3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Set the string value of a key and return its old value")
		.complexity("O(1)")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`SET` with the `!GET` argument")
		.arguments(key("key", 0), string("value"))
		.build();

	/** {@code INCR key} */
	public static final CommandSpec INCR = CommandSpec.command("incr")
		.arity(2)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Increment the integer value of a key by one")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code INCRBY key increment} */
	public static final CommandSpec INCRBY = CommandSpec.command("incrby")
		.arity(3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Increment the integer value of a key by the given amount")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("increment"))
		.build();

	/** {@code INCRBYFLOAT key increment} */
	public static final CommandSpec INCRBYFLOAT = CommandSpec.command("incrbyfloat")
		.arity(3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.STRING)
		.since("2.6.0")
		.summary("Increment the float value of a key by the given amount")
		.complexity("O(1)")
		.arguments(key("key", 0), doubleArg("increment"))
		.build();

	/** {@code LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]} */
	public static final CommandSpec LCS = CommandSpec.command("lcs")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(1).flags(RO, ACCESS))
		.group(CommandGroup.STRING)
		.since("7.0.0")
		.summary("Find longest common substring")
		.complexity("O(N*M) where N and M are the lengths of s1 and s2, respectively")
		.arguments(key("key1", 0), key("key2", 0), pureToken("len", "LEN").optional(),
				pureToken("idx", "IDX").optional(), integer("len").token("MINMATCHLEN").optional(),
				pureToken("withmatchlen", "WITHMATCHLEN").optional())
		.build();

	/** {@code MGET key [key ...]} */
	public static final CommandSpec MGET = CommandSpec.command("mget")
		.arity(-2)
		.flags(READONLY, FAST)
		.acl(AclCategory.STRING)
		.tips(REQUEST_POLICY_MULTI_SHARD)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Get the values of all the given keys")
		.complexity("O(N) where N is the number of keys to retrieve.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code MSET key value [key value ...]} */
	public static final CommandSpec MSET = CommandSpec.command("mset")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STRING)
		.tips(REQUEST_POLICY_MULTI_SHARD, RESPONSE_POLICY_ALL_SUCCEEDED)
		.keySpecs(KeySpec.index(1).range(-1, 2, 0).flags(OW, UPDATE))
		.group(CommandGroup.STRING)
		.since("1.0.1")
		.summary("Set multiple keys to multiple values")
		.complexity("O(N) where N is the number of keys to set.")
		.arguments(block("key_value", key("key", 0), string("value")).multiple())
		.build();

	/** {@code MSETNX key value [key value ...]} */
	public static final CommandSpec MSETNX = CommandSpec.command("msetnx")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STRING)
		.tips(REQUEST_POLICY_MULTI_SHARD, RESPONSE_POLICY_AGG_MIN)
		.keySpecs(KeySpec.index(1).range(-1, 2, 0).flags(OW, INSERT))
		.group(CommandGroup.STRING)
		.since("1.0.1")
		.summary("Set multiple keys to multiple values, only if none of the keys exist")
		.complexity("O(N) where N is the number of keys to set.")
		.arguments(block("key_value", key("key", 0), string("value")).multiple())
		.build();

	/** {@code PSETEX key milliseconds value} */
	public static final CommandSpec PSETEX = CommandSpec.command("psetex")
		.arity(4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE))
		.group(CommandGroup.STRING)
		.since("2.6.0")
		.summary("Set the value and expiration in milliseconds of a key")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("milliseconds"), string("value"))
		.build();

	/**
	 * {@code SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]}
	 */
	public static final CommandSpec SET = CommandSpec.command("set")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1)
			.range(0)
			.flags(RW, ACCESS, UPDATE, VARIABLE_FLAGS)
			.notes("RW and ACCESS due to the optional `GET` argument"))
		.getKeysProc(GetKeysProc.SET)
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Set the string value of a key")
		.complexity("O(1)")
		.history("2.6.12", "Added the `EX`, `PX`, `NX` and `XX` options.")
		.history("6.0.0", "Added the `KEEPTTL` option.")
		.history("6.2.0", "Added the `GET`, `EXAT` and `PXAT` option.")
		.history("7.0.0", "Allowed the `NX` and `GET` options to be used together.")
		.arguments(key("key", 0), string("value"),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX")).since("2.6.12").optional(),
				pureToken("get", "GET").since("6.2.0").optional(),
				oneOf("expiration", integer("seconds").token("EX").since("2.6.12"),
						integer("milliseconds").token("PX").since("2.6.12"),
						unixTime("unix-time-seconds").token("EXAT").since("6.2.0"),
						unixTime("unix-time-milliseconds").token("PXAT").since("6.2.0"),
						pureToken("keepttl", "KEEPTTL").since("6.0.0"))
					.optional())
		.build();

	/** {@code SETEX key seconds value} */
	public static final CommandSpec SETEX = CommandSpec.command("setex")
		.arity(4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE))
		.group(CommandGroup.STRING)
		.since("2.0.0")
		.summary("Set the value and expiration of a key")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("seconds"), string("value"))
		.build();

	/** {@code SETNX key value} */
	public static final CommandSpec SETNX = CommandSpec.command("setnx")
		.arity(3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, INSERT))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Set the value of a key, only if the key does not exist")
		.complexity("O(1)")
		.arguments(key("key", 0), string("value"))
		.build();

	/** {@code SETRANGE key offset value} */
	public static final CommandSpec SETRANGE = CommandSpec.command("setrange")
		.arity(4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.STRING)
		.since("2.2.0")
		.summary("Overwrite part of a string at key starting at the specified offset")
		.complexity("O(1), not counting the time taken to copy the new string in place. "
				+ "Usually, this string is very small so the amortized complexity is O(1). "
				+ "Otherwise, complexity is O(M) with M being the length of the value argument.")
		.arguments(key("key", 0), integer("offset"), string("value"))
		.build();

	/** {@code STRLEN key} */
	public static final CommandSpec STRLEN = CommandSpec.command("strlen")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.STRING)
		.since("2.2.0")
		.summary("Get the length of the value stored in a key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code SUBSTR key start end} */
	public static final CommandSpec SUBSTR = CommandSpec.command("substr")
		.arity(4)
		.flags(READONLY)
		.acl(AclCategory.STRING)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STRING)
		.since("1.0.0")
		.summary("Get a substring of the string stored at a key")
		.complexity("O(N) where N is the length of the returned string. The complexity is "
				+ "ultimately determined by the returned length, but because creating a substring "
				+ "from an existing string is very cheap, it can be considered O(1) for small strings.")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("2.0.0")
		.replacedBy("`GETRANGE`")
		.arguments(key("key", 0), integer("start"), integer("end"))
		.build();

	private StringCommandSpecs() {
	}

}
