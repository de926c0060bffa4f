package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pattern;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.Arg.unixTime;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT_ORDER;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_ALL_SHARDS;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_MULTI_SHARD;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_SPECIAL;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_AGG_MIN;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_AGG_SUM;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.INSERT;
import static dev.larder.engine.command.spec.KeySpecFlag.OW;
import static dev.larder.engine.command.spec.KeySpecFlag.RM;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The generic commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class GenericCommandSpecs {

	/** {@code COPY source destination [DB destination-db] [REPLACE]} */
	public static final CommandSpec COPY = CommandSpec.command("copy")
		.arity(-3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS), KeySpec.index(2).range(0).flags(OW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("6.2.0")
		.summary("Copy a key")
		.complexity(
				"O(N) worst case for collections, where N is the " + "number of nested items. O(1) for string values.")
		.arguments(key("source", 0), key("destination", 1), integer("destination-db").token("DB").optional(),
				pureToken("replace", "REPLACE").optional())
		.build();

	/** {@code DEL key [key ...]} */
	public static final CommandSpec DEL = CommandSpec.command("del")
		.arity(-2)
		.flags(WRITE)
		.acl(AclCategory.KEYSPACE)
		.tips(REQUEST_POLICY_MULTI_SHARD, RESPONSE_POLICY_AGG_SUM)
		.keySpecs(KeySpec.index(1).range(-1).flags(RM, DELETE))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Delete a key")
		.complexity("O(N) where N is the number of keys that will be removed. When a key to "
				+ "remove holds a value other than a string, the individual complexity for "
				+ "this key is O(M) where M is the number of elements in the list, set, "
				+ "sorted set or hash. Removing a single key that holds a string value is O(1).")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code DUMP key} */
	public static final CommandSpec DUMP = CommandSpec.command("dump")
		.arity(2)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GENERIC)
		.since("2.6.0")
		.summary("Return a serialized version of the value stored at the specified key.")
		.complexity("O(1) to access the key and additional O(N*M) to serialize it, where N is the "
				+ "number of Redis objects composing the value and M their average size. For small "
				+ "string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).")
		.arguments(key("key", 0))
		.build();

	/** {@code EXISTS key [key ...]} */
	public static final CommandSpec EXISTS = CommandSpec.command("exists")
		.arity(-2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.tips(REQUEST_POLICY_MULTI_SHARD, RESPONSE_POLICY_AGG_SUM)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Determine if a key exists")
		.complexity("O(N) where N is the number of keys to check.")
		.history("3.0.3", "Accepts multiple `key` arguments.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code EXPIRE key seconds [NX | XX | GT | LT]} */
	public static final CommandSpec EXPIRE = CommandSpec.command("expire")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Set a key's time to live in seconds")
		.complexity("O(1)")
		.history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
		.arguments(key("key", 0), integer("seconds"),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX"), pureToken("gt", "GT"),
						pureToken("lt", "LT"))
					.since("7.0.0")
					.optional())
		.build();

	/** {@code EXPIREAT key unix-time-seconds [NX | XX | GT | LT]} */
	public static final CommandSpec EXPIREAT = CommandSpec.command("expireat")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("1.2.0")
		.summary("Set the expiration for a key as a UNIX timestamp")
		.complexity("O(1)")
		.history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
		.arguments(key("key", 0), unixTime("unix-time-seconds"),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX"), pureToken("gt", "GT"),
						pureToken("lt", "LT"))
					.since("7.0.0")
					.optional())
		.build();

	/** {@code EXPIRETIME key} */
	public static final CommandSpec EXPIRETIME = CommandSpec.command("expiretime")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GENERIC)
		.since("7.0.0")
		.summary("Get the expiration Unix timestamp for a key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code KEYS pattern} */
	public static final CommandSpec KEYS = CommandSpec.command("keys")
		.arity(2)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
		.tips(REQUEST_POLICY_ALL_SHARDS, NONDETERMINISTIC_OUTPUT_ORDER)
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Find all keys matching the given pattern")
		.complexity("O(N) with N being the number of keys in the database, under the assumption "
				+ "that the key names in the database and the given pattern have limited length.")
		.arguments(pattern("pattern"))
		.build();

	/** {@code MOVE key db} */
	public static final CommandSpec MOVE = CommandSpec.command("move")
		.arity(3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Move a key to another database")
		.complexity("O(1)")
		.arguments(key("key", 0), integer("db"))
		.build();

	/** {@code OBJECT ENCODING key} */
	public static final CommandSpec OBJECT_ENCODING = CommandSpec.subcommand("object", "encoding")
		.arity(3)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(2).range(0).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("2.2.3")
		.summary("Inspect the internal encoding of a Redis object")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code OBJECT FREQ key} */
	public static final CommandSpec OBJECT_FREQ = CommandSpec.subcommand("object", "freq")
		.arity(3)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(2).range(0).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("4.0.0")
		.summary("Get the logarithmic access frequency counter of a Redis object")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code OBJECT HELP} */
	public static final CommandSpec OBJECT_HELP = CommandSpec.subcommand("object", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.KEYSPACE)
		.group(CommandGroup.GENERIC)
		.since("6.2.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code OBJECT IDLETIME key} */
	public static final CommandSpec OBJECT_IDLETIME = CommandSpec.subcommand("object", "idletime")
		.arity(3)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(2).range(0).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("2.2.3")
		.summary("Get the time since a Redis object was last accessed")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code OBJECT REFCOUNT key} */
	public static final CommandSpec OBJECT_REFCOUNT = CommandSpec.subcommand("object", "refcount")
		.arity(3)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(2).range(0).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("2.2.3")
		.summary("Get the number of references to the value of the key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code OBJECT} */
	public static final CommandSpec OBJECT = CommandSpec.command("object")
		.arity(-2)
		.group(CommandGroup.GENERIC)
		.since("2.2.3")
		.summary("A container for object introspection commands")
		.complexity("Depends on subcommand.")
		.subcommands(OBJECT_ENCODING, OBJECT_FREQ, OBJECT_HELP, OBJECT_IDLETIME, OBJECT_REFCOUNT)
		.build();

	/** {@code PERSIST key} */
	public static final CommandSpec PERSIST = CommandSpec.command("persist")
		.arity(2)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("2.2.0")
		.summary("Remove the expiration from a key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code PEXPIRE key milliseconds [NX | XX | GT | LT]} */
	public static final CommandSpec PEXPIRE = CommandSpec.command("pexpire")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("2.6.0")
		.summary("Set a key's time to live in milliseconds")
		.complexity("O(1)")
		.history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
		.arguments(key("key", 0), integer("milliseconds"),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX"), pureToken("gt", "GT"),
						pureToken("lt", "LT"))
					.since("7.0.0")
					.optional())
		.build();

	/** {@code PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]} */
	public static final CommandSpec PEXPIREAT = CommandSpec.command("pexpireat")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("2.6.0")
		.summary("Set the expiration for a key as a UNIX timestamp specified in milliseconds")
		.complexity("O(1)")
		.history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
		.arguments(key("key", 0), unixTime("unix-time-milliseconds"),
				oneOf("condition", pureToken("nx", "NX"), pureToken("xx", "XX"), pureToken("gt", "GT"),
						pureToken("lt", "LT"))
					.since("7.0.0")
					.optional())
		.build();

	/** {@code PEXPIRETIME key} */
	public static final CommandSpec PEXPIRETIME = CommandSpec.command("pexpiretime")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GENERIC)
		.since("7.0.0")
		.summary("Get the expiration Unix timestamp for a key in milliseconds")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code PTTL key} */
	public static final CommandSpec PTTL = CommandSpec.command("pttl")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GENERIC)
		.since("2.6.0")
		.summary("Get the time to live for a key in milliseconds")
		.complexity("O(1)")
		.history("2.8.0", "Added the -2 reply.")
		.arguments(key("key", 0))
		.build();

	/** {@code RANDOMKEY} */
	public static final CommandSpec RANDOMKEY = CommandSpec.command("randomkey")
		.arity(1)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(REQUEST_POLICY_ALL_SHARDS, NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Return a random key from the keyspace")
		.complexity("O(1)")
		.build();

	/** {@code RENAME key newkey} */
	public static final CommandSpec RENAME = CommandSpec.command("rename")
		.arity(3)
		.flags(WRITE)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(OW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Rename a key")
		.complexity("O(1)")
		.arguments(key("key", 0), key("newkey", 1))
		.build();

	/** {@code RENAMENX key newkey} */
	public static final CommandSpec RENAMENX = CommandSpec.command("renamenx")
		.arity(3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(OW, INSERT))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Rename a key, only if the new key does not exist")
		.complexity("O(1)")
		.history("3.2.0", "The command no longer returns an error when source and destination names are the same.")
		.arguments(key("key", 0), key("newkey", 1))
		.build();

	/**
	 * {@code RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]}
	 */
	public static final CommandSpec RESTORE = CommandSpec.command("restore")
		.arity(-4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
		.keySpecs(KeySpec.index(1).range(0).flags(OW, UPDATE))
		.group(CommandGroup.GENERIC)
		.since("2.6.0")
		.summary("Create a key using the provided serialized value, previously obtained using DUMP.")
		.complexity("O(1) to create the new key and additional O(N*M) to reconstruct the "
				+ "serialized value, where N is the number of Redis objects composing the value "
				+ "and M their average size. For small string values the time complexity is thus "
				+ "O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the "
				+ "complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).")
		.history("3.0.0", "Added the `REPLACE` modifier.")
		.history("5.0.0", "Added the `ABSTTL` modifier.")
		.history("5.0.0", "Added the `IDLETIME` and `FREQ` options.")
		.arguments(key("key", 0), integer("ttl"), string("serialized-value"),
				pureToken("replace", "REPLACE").since("3.0.0").optional(),
				pureToken("absttl", "ABSTTL").since("5.0.0").optional(),
				integer("seconds").token("IDLETIME").since("5.0.0").optional(),
				integer("frequency").token("FREQ").since("5.0.0").optional())
		.build();

	/** {@code SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]} */
	public static final CommandSpec SCAN = CommandSpec.command("scan")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_SPECIAL)
		.group(CommandGroup.GENERIC)
		.since("2.8.0")
		.summary("Incrementally iterate the keys space")
		.complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls "
				+ "for the cursor to return back to 0. N is the number of elements inside the collection.")
		.history("6.0.0", "Added the `TYPE` subcommand.")
		.arguments(integer("cursor"), pattern("pattern").token("MATCH").optional(),
				integer("count").token("COUNT").optional(), string("type").token("TYPE").since("6.0.0").optional())
		.build();

	/**
	 * {@code SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]}
	 */
	public static final CommandSpec SORT = CommandSpec.command("sort")
		.arity(-2)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.SET, AclCategory.SORTEDSET, AclCategory.LIST, AclCategory.DANGEROUS)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS),
				KeySpec.unknown()
					.unknownKeys()
					.flags(RO, ACCESS)
					.notes("For the optional BY/GET keyword. It is marked 'unknown' "
							+ "because the key names derive from the content of the key we sort"),
				KeySpec.unknown()
					.unknownKeys()
					.flags(OW, UPDATE)
					.notes("For the optional STORE keyword. It is marked 'unknown' "
							+ "because the keyword can appear anywhere in the argument array"))
		.getKeysProc(GetKeysProc.SORT)
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Sort the elements in a list, set or sorted set")
		.complexity("O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M "
				+ "the number of returned elements. When the elements are not sorted, complexity is O(N).")
		.arguments(key("key", 0), pattern("pattern", 1).token("BY").optional(),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional(),
				pattern("pattern", 1).token("GET").optional().multiple().multipleToken(),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional(),
				pureToken("sorting", "ALPHA").optional(), key("destination", 2).token("STORE").optional())
		.build();

	/**
	 * {@code SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]}
	 */
	public static final CommandSpec SORT_RO = CommandSpec.command("sort_ro")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.SET, AclCategory.SORTEDSET, AclCategory.LIST, AclCategory.DANGEROUS)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS),
				KeySpec.unknown()
					.unknownKeys()
					.flags(RO, ACCESS)
					.notes("For the optional BY/GET keyword. It is marked 'unknown' "
							+ "because the key names derive from the content of the key we sort"))
		.getKeysProc(GetKeysProc.SORT_RO)
		.group(CommandGroup.GENERIC)
		.since("7.0.0")
		.summary("Sort the elements in a list, set or sorted set. Read-only variant of SORT.")
		.complexity("O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M "
				+ "the number of returned elements. When the elements are not sorted, complexity is O(N).")
		.arguments(key("key", 0), pattern("pattern", 1).token("BY").optional(),
				block("offset_count", integer("offset"), integer("count")).token("LIMIT").optional(),
				pattern("pattern", 1).token("GET").optional().multiple().multipleToken(),
				oneOf("order", pureToken("asc", "ASC"), pureToken("desc", "DESC")).optional(),
				pureToken("sorting", "ALPHA").optional())
		.build();

	/** {@code TOUCH key [key ...]} */
	public static final CommandSpec TOUCH = CommandSpec.command("touch")
		.arity(-2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.tips(REQUEST_POLICY_MULTI_SHARD, RESPONSE_POLICY_AGG_SUM)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("3.2.1")
		.summary("Alters the last access time of a key(s). Returns the number of existing keys specified.")
		.complexity("O(N) where N is the number of keys that will be touched.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code TTL key} */
	public static final CommandSpec TTL = CommandSpec.command("ttl")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Get the time to live for a key in seconds")
		.complexity("O(1)")
		.history("2.8.0", "Added the -2 reply.")
		.arguments(key("key", 0))
		.build();

	/** {@code TYPE key} */
	public static final CommandSpec TYPE = CommandSpec.command("type")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.GENERIC)
		.since("1.0.0")
		.summary("Determine the type stored at key")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code UNLINK key [key ...]} */
	public static final CommandSpec UNLINK = CommandSpec.command("unlink")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE)
		.tips(REQUEST_POLICY_MULTI_SHARD, RESPONSE_POLICY_AGG_SUM)
		.keySpecs(KeySpec.index(1).range(-1).flags(RM, DELETE))
		.group(CommandGroup.GENERIC)
		.since("4.0.0")
		.summary("Delete a key asynchronously in another thread. " + "Otherwise it is just as DEL, but non blocking.")
		.complexity("O(1) for each key removed regardless of its size. Then the command "
				+ "does O(N) work in a different thread in order to reclaim memory, where "
				+ "N is the number of allocations the deleted objects where composed of.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code WAIT numreplicas timeout} */
	public static final CommandSpec WAIT = CommandSpec.command("wait")
		.arity(3)
		.flags(NOSCRIPT)
		.acl(AclCategory.CONNECTION)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_AGG_MIN)
		.group(CommandGroup.GENERIC)
		.since("3.0.0")
		.summary("Wait for the synchronous replication of all the write "
				+ "commands sent in the context of the current connection")
		.complexity("O(1)")
		.arguments(integer("numreplicas"), integer("timeout"))
		.build();

	private GenericCommandSpecs() {
	}

}
