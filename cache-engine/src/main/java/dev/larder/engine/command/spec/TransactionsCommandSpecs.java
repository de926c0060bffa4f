package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.CommandFlag.ALLOW_BUSY;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.SKIP_SLOWLOG;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;

/**
 * The transactions commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class TransactionsCommandSpecs {

	/** {@code DISCARD} */
	public static final CommandSpec DISCARD = CommandSpec.command("discard")
		.arity(1)
		.flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY)
		.acl(AclCategory.TRANSACTION)
		.group(CommandGroup.TRANSACTIONS)
		.since("2.0.0")
		.summary("Discard all commands issued after MULTI")
		.complexity("O(N), when N is the number of queued commands")
		.build();

	/** {@code EXEC} */
	public static final CommandSpec EXEC = CommandSpec.command("exec")
		.arity(1)
		.flags(NOSCRIPT, LOADING, STALE, SKIP_SLOWLOG)
		.acl(AclCategory.TRANSACTION)
		.group(CommandGroup.TRANSACTIONS)
		.since("1.2.0")
		.summary("Execute all commands issued after MULTI")
		.complexity("Depends on commands in the transaction")
		.build();

	/** {@code MULTI} */
	public static final CommandSpec MULTI = CommandSpec.command("multi")
		.arity(1)
		.flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY)
		.acl(AclCategory.TRANSACTION)
		.group(CommandGroup.TRANSACTIONS)
		.since("1.2.0")
		.summary("Mark the start of a transaction block")
		.complexity("O(1)")
		.build();

	/** {@code UNWATCH} */
	public static final CommandSpec UNWATCH = CommandSpec.command("unwatch")
		.arity(1)
		.flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY)
		.acl(AclCategory.TRANSACTION)
		.group(CommandGroup.TRANSACTIONS)
		.since("2.2.0")
		.summary("Forget about all watched keys")
		.complexity("O(1)")
		.build();

	/** {@code WATCH key [key ...]} */
	public static final CommandSpec WATCH = CommandSpec.command("watch")
		.arity(-2)
		.flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY)
		.acl(AclCategory.TRANSACTION)
		.keySpecs(KeySpec.index(1).range(-1).flags(RO))
		.group(CommandGroup.TRANSACTIONS)
		.since("2.2.0")
		.summary("Watch the given keys to determine execution of the MULTI/EXEC block")
		.complexity("O(1) for every key.")
		.arguments(key("key", 0).multiple())
		.build();

	private TransactionsCommandSpecs() {
	}

}
