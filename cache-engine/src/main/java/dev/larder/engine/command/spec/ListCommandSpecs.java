package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.doubleArg;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.BLOCKING;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.INSERT;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The list commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class ListCommandSpecs {

	/** {@code BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout} */
	public static final CommandSpec BLMOVE = CommandSpec.command("blmove")
		.arity(6)
		.flags(WRITE, DENYOOM, NOSCRIPT, BLOCKING)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("6.2.0")
		.summary("Pop an element from a list, push it to another "
				+ "list and return it; or block until one is available")
		.complexity("O(1)")
		.arguments(key("source", 0), key("destination", 1),
				oneOf("wherefrom", pureToken("left", "LEFT"), pureToken("right", "RIGHT")),
				oneOf("whereto", pureToken("left", "LEFT"), pureToken("right", "RIGHT")), doubleArg("timeout"))
		.build();

	/** {@code BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]} */
	public static final CommandSpec BLMPOP = CommandSpec.command("blmpop")
		.arity(-5)
		.flags(WRITE, BLOCKING)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(2).keynum(0, 1, 1).flags(RW, ACCESS, DELETE))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.LIST)
		.since("7.0.0")
		.summary("Pop elements from a list, or block until one is available")
		.complexity("O(N+M) where N is the number of provided keys and M is the number of elements returned.")
		.arguments(doubleArg("timeout"), integer("numkeys"), key("key", 0).multiple(),
				oneOf("where", pureToken("left", "LEFT"), pureToken("right", "RIGHT")),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code BLPOP key [key ...] timeout} */
	public static final CommandSpec BLPOP = CommandSpec.command("blpop")
		.arity(-3)
		.flags(WRITE, NOSCRIPT, BLOCKING)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(-2).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.LIST)
		.since("2.0.0")
		.summary("Remove and get the first element in a list, or block until one is available")
		.complexity("O(N) where N is the number of provided keys.")
		.history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
		.arguments(key("key", 0).multiple(), doubleArg("timeout"))
		.build();

	/** {@code BRPOP key [key ...] timeout} */
	public static final CommandSpec BRPOP = CommandSpec.command("brpop")
		.arity(-3)
		.flags(WRITE, NOSCRIPT, BLOCKING)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(-2).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.LIST)
		.since("2.0.0")
		.summary("Remove and get the last element in a list, or block until one is available")
		.complexity("O(N) where N is the number of provided keys.")
		.history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
		.arguments(key("key", 0).multiple(), doubleArg("timeout"))
		.build();

	/** {@code BRPOPLPUSH source destination timeout} */
	public static final CommandSpec BRPOPLPUSH = CommandSpec.command("brpoplpush")
		.arity(4)
		.flags(WRITE, DENYOOM, NOSCRIPT, BLOCKING)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("2.2.0")
		.summary("Pop an element from a list, push it to another "
				+ "list and return it; or block until one is available")
		.complexity("O(1)")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`BLMOVE` with the `RIGHT` and `LEFT` arguments")
		.history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
		.arguments(key("source", 0), key("destination", 1), doubleArg("timeout"))
		.build();

	/** {@code LINDEX key index} */
	public static final CommandSpec LINDEX = CommandSpec.command("lindex")
		.arity(3)
		.flags(READONLY)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Get an element from a list by its index")
		.complexity("O(N) where N is the number of elements to traverse to get to the element at "
				+ "index. This makes asking for the first or the last element of the list O(1).")
		.arguments(key("key", 0), integer("index"))
		.build();

	/** {@code LINSERT key <BEFORE | AFTER> pivot element} */
	public static final CommandSpec LINSERT = CommandSpec.command("linsert")
		.arity(5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("2.2.0")
		.summary("Insert an element before or after another element in a list")
		.complexity("O(N) where N is the number of elements to traverse before seeing the value "
				+ "pivot. This means that inserting somewhere on the left end on the list (head) "
				+ "can be considered O(1) and inserting somewhere on the right end (tail) is O(N).")
		.arguments(key("key", 0), oneOf("where", pureToken("before", "BEFORE"), pureToken("after", "AFTER")),
				string("pivot"), string("element"))
		.build();

	/** {@code LLEN key} */
	public static final CommandSpec LLEN = CommandSpec.command("llen")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Get the length of a list")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>} */
	public static final CommandSpec LMOVE = CommandSpec.command("lmove")
		.arity(5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("6.2.0")
		.summary("Pop an element from a list, push it to another list and return it")
		.complexity("O(1)")
		.arguments(key("source", 0), key("destination", 1),
				oneOf("wherefrom", pureToken("left", "LEFT"), pureToken("right", "RIGHT")),
				oneOf("whereto", pureToken("left", "LEFT"), pureToken("right", "RIGHT")))
		.build();

	/** {@code LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]} */
	public static final CommandSpec LMPOP = CommandSpec.command("lmpop")
		.arity(-4)
		.flags(WRITE)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).keynum(0, 1, 1).flags(RW, ACCESS, DELETE))
		.getKeysProc(GetKeysProc.numKeys(0, 1, 2))
		.group(CommandGroup.LIST)
		.since("7.0.0")
		.summary("Pop elements from a list")
		.complexity("O(N+M) where N is the number of provided keys and M is the number of elements returned.")
		.arguments(integer("numkeys"), key("key", 0).multiple(),
				oneOf("where", pureToken("left", "LEFT"), pureToken("right", "RIGHT")),
				integer("count").token("COUNT").optional())
		.build();

	/** {@code LPOP key [count]} */
	public static final CommandSpec LPOP = CommandSpec.command("lpop")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Remove and get the first elements in a list")
		.complexity("O(N) where N is the number of elements returned")
		.history("6.2.0", "Added the `count` argument.")
		.arguments(key("key", 0), integer("count").since("6.2.0").optional())
		.build();

	/** {@code LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]} */
	public static final CommandSpec LPOS = CommandSpec.command("lpos")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.LIST)
		.since("6.0.6")
		.summary("Return the index of matching elements on a list")
		.complexity("O(N) where N is the number of elements in the list, for the average "
				+ "case. When searching for elements near the head or the tail of the list, "
				+ "or when the MAXLEN option is provided, the command may run in constant time.")
		.arguments(key("key", 0), string("element"), integer("rank").token("RANK").optional(),
				integer("num-matches").token("COUNT").optional(), integer("len").token("MAXLEN").optional())
		.build();

	/** {@code LPUSH key element [element ...]} */
	public static final CommandSpec LPUSH = CommandSpec.command("lpush")
		.arity(-3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Prepend one or multiple elements to a list")
		.complexity("O(1) for each element added, so O(N) to add N "
				+ "elements when the command is called with multiple arguments.")
		.history("2.4.0", "Accepts multiple `element` arguments.")
		.arguments(key("key", 0), string("element").multiple())
		.build();

	/** {@code LPUSHX key element [element ...]} */
	public static final CommandSpec LPUSHX = CommandSpec.command("lpushx")
		.arity(-3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("2.2.0")
		.summary("Prepend an element to a list, only if the list exists")
		.complexity("O(1) for each element added, so O(N) to add N "
				+ "elements when the command is called with multiple arguments.")
		.history("4.0.0", "Accepts multiple `element` arguments.")
		.arguments(key("key", 0), string("element").multiple())
		.build();

	/** {@code LRANGE key start stop} */
	public static final CommandSpec LRANGE = CommandSpec.command("lrange")
		.arity(4)
		.flags(READONLY)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Get a range of elements from a list")
		.complexity("O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest "
				+ "end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.")
		.arguments(key("key", 0), integer("start"), integer("stop"))
		.build();

	/** {@code LREM key count element} */
	public static final CommandSpec LREM = CommandSpec.command("lrem")
		.arity(4)
		.flags(WRITE)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Remove elements from a list")
		.complexity("O(N+M) where N is the length of the list and M is the number of elements removed.")
		.arguments(key("key", 0), integer("count"), string("element"))
		.build();

	/** {@code LSET key index element} */
	public static final CommandSpec LSET = CommandSpec.command("lset")
		.arity(4)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Set the value of an element in a list by its index")
		.complexity("O(N) where N is the length of the list. Setting "
				+ "either the first or the last element of the list is O(1).")
		.arguments(key("key", 0), integer("index"), string("element"))
		.build();

	/** {@code LTRIM key start stop} */
	public static final CommandSpec LTRIM = CommandSpec.command("ltrim")
		.arity(4)
		.flags(WRITE)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Trim a list to the specified range")
		.complexity("O(N) where N is the number of elements to be removed by the operation.")
		.arguments(key("key", 0), integer("start"), integer("stop"))
		.build();

	/** {@code RPOP key [count]} */
	public static final CommandSpec RPOP = CommandSpec.command("rpop")
		.arity(-2)
		.flags(WRITE, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Remove and get the last elements in a list")
		.complexity("O(N) where N is the number of elements returned")
		.history("6.2.0", "Added the `count` argument.")
		.arguments(key("key", 0), integer("count").since("6.2.0").optional())
		.build();

	/** {@code RPOPLPUSH source destination} */
	public static final CommandSpec RPOPLPUSH = CommandSpec.command("rpoplpush")
		.arity(3)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, DELETE), KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("1.2.0")
		.summary("Remove the last element in a list, prepend it to another list and return it")
		.complexity("O(1)")
		.docFlags(DocFlag.DEPRECATED)
		.deprecatedSince("6.2.0")
		.replacedBy("`LMOVE` with the `RIGHT` and `LEFT` arguments")
		.arguments(key("source", 0), key("destination", 1))
		.build();

	/** {@code RPUSH key element [element ...]} */
	public static final CommandSpec RPUSH = CommandSpec.command("rpush")
		.arity(-3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("1.0.0")
		.summary("Append one or multiple elements to a list")
		.complexity("O(1) for each element added, so O(N) to add N "
				+ "elements when the command is called with multiple arguments.")
		.history("2.4.0", "Accepts multiple `element` arguments.")
		.arguments(key("key", 0), string("element").multiple())
		.build();

	/** {@code RPUSHX key element [element ...]} */
	public static final CommandSpec RPUSHX = CommandSpec.command("rpushx")
		.arity(-3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.LIST)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.LIST)
		.since("2.2.0")
		.summary("Append an element to a list, only if the list exists")
		.complexity("O(1) for each element added, so O(N) to add N "
				+ "elements when the command is called with multiple arguments.")
		.history("4.0.0", "Accepts multiple `element` arguments.")
		.arguments(key("key", 0), string("element").multiple())
		.build();

	private ListCommandSpecs() {
	}

}
