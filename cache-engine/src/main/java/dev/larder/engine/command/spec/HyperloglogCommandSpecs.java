package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.ADMIN;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.INSERT;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;

/**
 * The hyperloglog commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class HyperloglogCommandSpecs {

	/** {@code PFADD key [element [element ...]]} */
	public static final CommandSpec PFADD = CommandSpec.command("pfadd")
		.arity(-2)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.HYPERLOGLOG)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, INSERT))
		.group(CommandGroup.HYPERLOGLOG)
		.since("2.8.9")
		.summary("Adds the specified elements to the specified HyperLogLog.")
		.complexity("O(1) to add every element.")
		.arguments(key("key", 0), string("element").optional().multiple())
		.build();

	/** {@code PFCOUNT key [key ...]} */
	public static final CommandSpec PFCOUNT = CommandSpec.command("pfcount")
		.arity(-2)
		.flags(READONLY)
		.acl(AclCategory.HYPERLOGLOG)
		.keySpecs(KeySpec.index(1)
			.range(-1)
			.flags(RW, ACCESS)
			.notes("RW because it may change the internal representation of the key, and propagate to replicas"))
		.group(CommandGroup.HYPERLOGLOG)
		.since("2.8.9")
		.summary("Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).")
		.complexity("O(1) with a very small average constant time when called with a single key. O(N) with N "
				+ "being the number of keys, and much bigger constant times, when called with multiple keys.")
		.arguments(key("key", 0).multiple())
		.build();

	/** {@code PFDEBUG subcommand key} */
	public static final CommandSpec PFDEBUG = CommandSpec.command("pfdebug")
		.arity(3)
		.flags(WRITE, DENYOOM, ADMIN)
		.acl(AclCategory.HYPERLOGLOG)
		.keySpecs(KeySpec.index(2).range(0).flags(RW, ACCESS))
		.group(CommandGroup.HYPERLOGLOG)
		.since("2.8.9")
		.summary("Internal commands for debugging HyperLogLog values")
		.complexity("N/A")
		.docFlags(DocFlag.SYSCMD)
		.arguments(string("subcommand"), key("key", 0))
		.build();

	/** {@code PFMERGE destkey sourcekey [sourcekey ...]} */
	public static final CommandSpec PFMERGE = CommandSpec.command("pfmerge")
		.arity(-2)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.HYPERLOGLOG)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, ACCESS, INSERT), KeySpec.index(2).range(-1).flags(RO, ACCESS))
		.group(CommandGroup.HYPERLOGLOG)
		.since("2.8.9")
		.summary("Merge N different HyperLogLogs into a single one.")
		.complexity("O(N) to merge N HyperLogLogs, but with high constant times.")
		.arguments(key("destkey", 0), key("sourcekey", 1).multiple())
		.build();

	/** {@code PFSELFTEST} */
	public static final CommandSpec PFSELFTEST = CommandSpec.command("pfselftest")
		.arity(1)
		.flags(ADMIN)
		.acl(AclCategory.HYPERLOGLOG)
		.group(CommandGroup.HYPERLOGLOG)
		.since("2.8.9")
		.summary("An internal command for testing HyperLogLog values")
		.complexity("N/A")
		.docFlags(DocFlag.SYSCMD)
		.build();

	private HyperloglogCommandSpecs() {
	}

}
