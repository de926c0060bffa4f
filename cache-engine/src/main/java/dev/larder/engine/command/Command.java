package dev.larder.engine.command;

import dev.larder.engine.command.spec.CommandFlag;
import dev.larder.engine.command.spec.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A row of the command table: a declared {@link CommandSpec} bound to its handler. What
 * the executor reads on every command is copied into final fields here when the row is
 * bound (flags as booleans, the legacy key range), so dispatch reads a field where it
 * would otherwise search a set.
 */
public final class Command {

	private final CommandSpec spec;

	/** Null for a container, whose subcommands have the handlers. */
	private final @Nullable CommandHandler handler;

	private final String name;

	private final byte[] nameBytes;

	/**
	 * Dense, from 0 in binding order over commands and subcommands: the bit of this
	 * command in an ACL user's command bitmap (Redis's command id).
	 */
	private final int id;

	private final Map<String, Command> subcommands = new LinkedHashMap<>();

	final int arity;

	final boolean noAuth;

	final boolean write;

	final boolean readonly;

	final boolean noScript;

	final boolean movableKeys;

	/** Flagged "no_multi": refused between MULTI and EXEC. */
	final boolean noMulti;

	/** Legacy key range (first 0: no keys there); last is negative from the end. */
	final int firstKey;

	final int lastKey;

	final int keyStep;

	/** A write with keys: clients blocked on its keys may be served after it. */
	final boolean wakesBlocked;

	final boolean walksKeyspace;

	/**
	 * Whether a call reads keys its arguments do not name (SORT's BY and GET patterns):
	 * the executor then locks every shard, ascending. Null for every other command.
	 */
	final @Nullable Predicate<byte[][]> readsUndeclaredKeys;

	/** Flagged "denyoom": refused with OOM when over maxmemory and nothing can go. */
	final boolean denyOom;

	/**
	 * Runs the evictor first when over maxmemory, as Redis's processCommand does before
	 * any command: here only for those that may grow memory (writes, denyoom, scripts).
	 */
	final boolean evictsFirst;

	/**
	 * A denyoom write of one key, which may create it: TinyLFU's admission duels that
	 * key.
	 */
	final boolean mayCreateOneKey;

	/** Flagged "skip_slowlog" (EXEC, AUTH, ...). */
	final boolean skipSlowlog;

	/** Flagged "fast": its latency spikes are the monitor's "fast-command" event. */
	final boolean fast;

	/** Fed to MONITOR clients once run: neither "admin" nor "skip_monitor". */
	final boolean monitored;

	/**
	 * Flagged "skip_monitor" (EVAL, EVALSHA, FCALL and their _RO forms): fed to monitors
	 * as it starts, before the commands its script calls.
	 */
	final boolean monitoredFirst;

	/**
	 * Reads, writes or may replicate (Redis's is_read/is_write/is_may_replicate_command):
	 * refused to a monitor, which Redis flags as a replica.
	 */
	final boolean touchesKeyspace;

	/** INFO commandstats and latencystats. */
	final CommandStats stats = new CommandStats();

	Command(CommandSpec spec, @Nullable CommandHandler handler, boolean walksKeyspace, int id) {
		this(spec, handler, walksKeyspace, null, id);
	}

	Command(CommandSpec spec, @Nullable CommandHandler handler, boolean walksKeyspace,
			@Nullable Predicate<byte[][]> readsUndeclaredKeys, int id) {
		this.spec = spec;
		this.readsUndeclaredKeys = readsUndeclaredKeys;
		this.id = id;
		this.handler = handler;
		this.name = spec.name();
		this.nameBytes = name.getBytes(StandardCharsets.US_ASCII);
		this.arity = spec.arity();
		this.noAuth = spec.has(CommandFlag.NO_AUTH);
		this.write = spec.has(CommandFlag.WRITE);
		this.readonly = spec.has(CommandFlag.READONLY);
		this.noScript = spec.has(CommandFlag.NOSCRIPT);
		this.movableKeys = spec.has(CommandFlag.MOVABLEKEYS);
		this.noMulti = spec.has(CommandFlag.NO_MULTI);
		this.firstKey = spec.firstKey();
		this.lastKey = spec.lastKey();
		this.keyStep = spec.keyStep();
		this.wakesBlocked = write && !spec.keySpecs().isEmpty();
		this.walksKeyspace = walksKeyspace;
		this.denyOom = spec.has(CommandFlag.DENYOOM);
		this.evictsFirst = write || denyOom || name.startsWith("eval") || name.startsWith("fcall");
		this.mayCreateOneKey = write && denyOom && !movableKeys && firstKey > 0 && lastKey == firstKey;
		this.skipSlowlog = spec.has(CommandFlag.SKIP_SLOWLOG);
		this.fast = spec.has(CommandFlag.FAST);
		this.monitoredFirst = spec.has(CommandFlag.SKIP_MONITOR);
		this.monitored = !monitoredFirst && !spec.has(CommandFlag.ADMIN);
		// may_replicate is hidden from COMMAND INFO: these are Redis 7.0's commands
		// flagged so that neither readonly nor write covers
		this.touchesKeyspace = write || readonly
				|| java.util.Set.of("publish", "spublish", "eval", "evalsha", "fcall").contains(name);
	}

	/** The command's counters (INFO commandstats, latencystats). */
	public CommandStats stats() {
		return stats;
	}

	/** The command's id: its bit in ACL command bitmaps. */
	public int id() {
		return id;
	}

	/** The bound subcommands, in binding order (empty for a plain command). */
	public java.util.Collection<Command> subcommandList() {
		return java.util.Collections.unmodifiableCollection(subcommands.values());
	}

	public CommandSpec spec() {
		return spec;
	}

	public String name() {
		return name;
	}

	byte[] nameBytes() {
		return nameBytes;
	}

	/** Null for a container without a handler of its own (CLIENT, CONFIG, ...). */
	public @Nullable CommandHandler handler() {
		return handler;
	}

	public boolean hasSubcommands() {
		return !subcommands.isEmpty();
	}

	/** The bound subcommand named {@code lowerName} ("id" of CLIENT ID), or null. */
	public @Nullable Command subcommand(String lowerName) {
		return subcommands.get(lowerName);
	}

	Map<String, Command> subcommands() {
		return subcommands;
	}

	public boolean arityOk(int argc) {
		return arity >= 0 ? argc == arity : argc >= -arity;
	}

	/**
	 * Flagged "write": refused in read-only scripts; its keys' waiters are served after
	 * it.
	 */
	public boolean write() {
		return write;
	}

	/** Flagged "readonly". */
	public boolean readonly() {
		return readonly;
	}

	/** Flagged "noscript": refused inside EVAL. */
	public boolean noScript() {
		return noScript;
	}

	/** Flagged "no_auth": allowed before AUTH. */
	public boolean noAuth() {
		return noAuth;
	}

	/**
	 * A keyless command that walks the keyspace locking shard by shard (KEYS, SCAN,
	 * DBSIZE, FLUSHDB...). A script that holds its keys' shard locks must not run it:
	 * taking other shards' locks out of ascending order could deadlock against a
	 * multi-key command.
	 */
	public boolean walksKeyspace() {
		return walksKeyspace;
	}

	/** Whether this call reads keys beyond those its arguments name (see the field). */
	boolean readsUndeclaredKeys(byte[][] args) {
		Predicate<byte[][]> p = readsUndeclaredKeys;
		return p != null && p.test(args);
	}

	@Override
	public String toString() {
		return name;
	}

}
