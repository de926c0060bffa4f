package dev.larder.engine.command;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of the command table, with Redis's meanings: arity (negative = at least |arity|,
 * counting the name), flags as COMMAND reports them, and key positions (first, last
 * (negative counts from the end), step) that decide which shards the executor locks.
 * Container commands (CLIENT, CONFIG, COMMAND) hold subcommands named "container|sub".
 */
public final class CommandSpec {

	private final String name;

	private final int arity;

	private final List<String> flags;

	private final int firstKey;

	private final int lastKey;

	private final int step;

	private final String group;

	private final String summary;

	private final String since;

	private final CommandHandler handler;

	private final Map<String, CommandSpec> subcommands = new LinkedHashMap<>();

	private final boolean noAuth;

	private final byte[] nameBytes;

	private final boolean write;

	private final boolean readonly;

	private final boolean noScript;

	private int numKeysIndex;

	private int scriptNumKeysIndex;

	private boolean locksShardsItself;

	private CommandSpec(String name, int arity, String flags, int firstKey, int lastKey, int step, String group,
			String since, String summary, CommandHandler handler) {
		this.name = name;
		this.arity = arity;
		this.flags = flags.isBlank() ? List.of() : Arrays.asList(flags.trim().split("\\s+"));
		this.firstKey = firstKey;
		this.lastKey = lastKey;
		this.step = step;
		this.group = group;
		this.since = since;
		this.summary = summary;
		this.handler = handler;
		this.noAuth = this.flags.contains("no_auth");
		this.nameBytes = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		this.write = this.flags.contains("write");
		this.readonly = this.flags.contains("readonly");
		this.noScript = this.flags.contains("noscript");
	}

	/** A keyless command. */
	public static CommandSpec keyless(String name, int arity, String flags, String group, String since, String summary,
			CommandHandler handler) {
		return new CommandSpec(name, arity, flags, 0, 0, 0, group, since, summary, handler);
	}

	public static CommandSpec keyed(String name, int arity, String flags, int firstKey, int lastKey, int step,
			String group, String since, String summary, CommandHandler handler) {
		return new CommandSpec(name, arity, flags, firstKey, lastKey, step, group, since, summary, handler);
	}

	/**
	 * A command with movable keys whose count is an argument (EVAL's numkeys): the keys
	 * are the {@code numkeys} arguments after it. COMMAND reports 0 0 0 and the
	 * "movablekeys" flag, as Redis does; the executor still locks exactly those keys'
	 * shards.
	 */
	public static CommandSpec numKeys(String name, int arity, String flags, int numKeysIndex, String group,
			String since, String summary, CommandHandler handler) {
		CommandSpec spec = new CommandSpec(name, arity, flags, 0, 0, 0, group, since, summary, handler);
		spec.numKeysIndex = numKeysIndex;
		spec.scriptNumKeysIndex = numKeysIndex;
		return spec;
	}

	/**
	 * For a command whose row over-approximates its keys (LMPOP's 1..-1 also covers
	 * numkeys and options, which only makes the executor lock a few shards too many):
	 * where its numkeys argument is, so a script's redis.call can check exactly the keys
	 * (the ones from firstKey up to numkeys, then numkeys of them).
	 */
	public CommandSpec keysFromNumKeys(int index) {
		this.scriptNumKeysIndex = index;
		return this;
	}

	/** See {@link #keysFromNumKeys}; 0 when the key positions are exact. */
	public int scriptNumKeysIndex() {
		return scriptNumKeysIndex;
	}

	/**
	 * Marks a keyless command that walks the keyspace locking shard by shard (KEYS, SCAN,
	 * DBSIZE, FLUSHDB...). A script that holds its keys' shard locks must not run it:
	 * taking other shards' locks out of ascending order could deadlock against a
	 * multi-key command.
	 */
	public CommandSpec locksShardsItself() {
		this.locksShardsItself = true;
		subcommands.values().forEach(CommandSpec::locksShardsItself);
		return this;
	}

	/** Adds a subcommand; its name becomes "container|sub" as in Redis 7. */
	public CommandSpec sub(String subName, int subArity, String subFlags, String subSince, String subSummary,
			CommandHandler subHandler) {
		subcommands.put(subName, new CommandSpec(name + "|" + subName, subArity, subFlags, 0, 0, 0, group, subSince,
				subSummary, subHandler));
		return this;
	}

	public String name() {
		return name;
	}

	byte[] nameBytes() {
		return nameBytes;
	}

	public int arity() {
		return arity;
	}

	public List<String> flags() {
		return flags;
	}

	public int firstKey() {
		return firstKey;
	}

	public int lastKey() {
		return lastKey;
	}

	public int step() {
		return step;
	}

	public String group() {
		return group;
	}

	public String summary() {
		return summary;
	}

	public String since() {
		return since;
	}

	public CommandHandler handler() {
		return handler;
	}

	public Map<String, CommandSpec> subcommands() {
		return subcommands;
	}

	public boolean hasSubcommands() {
		return !subcommands.isEmpty();
	}

	/** Flagged "write": after it runs, clients blocked on its keys may be served. */
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

	/** Index of the numkeys argument of a movable-keys command, or 0. */
	public int numKeysIndex() {
		return numKeysIndex;
	}

	/** See {@link #locksShardsItself()}. */
	public boolean walksKeyspace() {
		return locksShardsItself;
	}

	public boolean noAuth() {
		return noAuth;
	}

	/** The container's part of the name, for "Try CLIENT HELP." */
	public String containerName() {
		int bar = name.indexOf('|');
		return bar < 0 ? name : name.substring(0, bar);
	}

	public boolean arityOk(int argc) {
		return arity >= 0 ? argc == arity : argc >= -arity;
	}

}
