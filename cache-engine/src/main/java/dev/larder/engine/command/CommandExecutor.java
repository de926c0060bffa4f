package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.Keyspace;
import java.util.Arrays;

/**
 * Runs a command on the calling thread, in Redis's order of checks: unknown command,
 * arity, authentication. It locks exactly the shards of the command's keys (from the
 * table's key positions), ascending, so multi-key commands never deadlock and unrelated
 * keys never wait on each other. Keyless commands that touch the whole keyspace (KEYS,
 * SCAN, FLUSHDB, ...) lock shard by shard themselves. Commands with a numkeys argument
 * (EVAL) lock the shards of the keys it declares.
 */
public final class CommandExecutor {

	/**
	 * Returned (by identity) when a blocking command parked its client in
	 * {@link Blocking}: the connection sends nothing now and stops reading commands until
	 * the client is served or times out.
	 */
	public static final Reply BLOCKED = new Reply.NullReply(true);

	private final EngineCore core;

	public CommandExecutor(EngineCore core) {
		this.core = core;
		core.blocking().executor(this);
		core.executor(this);
	}

	/**
	 * Warms the cache for pipelined commands about to run: loads the dict lines of each
	 * command's first key, all before the first command runs. Run one by one, each lookup
	 * waits for its own cache misses in turn; loads issued back to back for independent
	 * keys overlap (the idea behind Redis 8's key prefetching for pipelined batches).
	 * Takes no locks and changes nothing.
	 * @return a meaningless number made from the loaded values: the caller keeps it (in a
	 * field of its own, never shared between threads) so that the JIT cannot drop the
	 * loads
	 */
	public int prefetch(ClientSession session, byte[][][] commands, int from, int to) {
		Keyspace ks = core.keyspace();
		int db = session.db();
		int sink = 0;
		for (int i = from; i < to; i++) {
			byte[][] args = commands[i];
			CommandSpec spec = core.table().lookup(args[0]);
			if (spec != null && !spec.hasSubcommands() && spec.firstKey() > 0 && spec.firstKey() < args.length) {
				sink += ks.touch(db, args[spec.firstKey()]);
			}
		}
		return sink;
	}

	/** Re-runs a parked command without letting it park again (Blocking's serve path). */
	Reply executeUnblocking(ClientSession session, byte[][] args) {
		session.noBlock(true);
		try {
			return execute(session, args);
		}
		finally {
			session.noBlock(false);
		}
	}

	public Reply execute(ClientSession session, byte[][] args) {
		if (args.length == 0) {
			throw new IllegalArgumentException("empty command");
		}
		CommandSpec spec = core.table().lookup(args[0]);
		if (spec == null) {
			return error(Errors.unknownCommand(args));
		}
		if (spec.hasSubcommands() && args.length >= 2) {
			CommandSpec sub = spec.subcommands().get(Bytes.string(args[1]).toLowerCase(java.util.Locale.ROOT));
			if (sub == null) {
				return error(Errors.unknownSubcommand(args[1], spec.name().toUpperCase(java.util.Locale.ROOT)));
			}
			spec = sub;
		}
		if (!spec.arityOk(args.length)) {
			return error(Errors.wrongArity(spec.name()));
		}
		if (!session.authenticated() && !spec.noAuth()) {
			return error(Errors.NOAUTH);
		}
		core.stats().commandsProcessed.increment();
		CommandContext context = new CommandContext(core, session, args);
		session.ran(spec.name());
		Reply reply;
		try {
			reply = runLocked(spec, context);
		}
		catch (ReplyException e) {
			reply = e.reply();
		}
		context.runAfterUnlock();
		if (reply.isError()) {
			core.stats().errorReplies.increment();
		}
		else if (spec.write() && spec.firstKey() > 0 && !(reply instanceof Reply.NullReply)
				&& core.blocking().anyWaiting()) {
			core.blocking().signal(session.db(), args, spec.firstKey());
		}
		return reply;
	}

	private Reply runLocked(CommandSpec spec, CommandContext context) {
		byte[][] args = context.args;
		if (spec.numKeysIndex() > 0) {
			return runWithNumKeys(spec, context);
		}
		int first = spec.firstKey();
		if (first == 0 || first >= args.length) {
			return spec.handler().handle(context);
		}
		int last = spec.lastKey() < 0 ? args.length + spec.lastKey() : Math.min(spec.lastKey(), args.length - 1);
		return runLocked(spec, context, first, last, spec.step());
	}

	/**
	 * EVAL-style keys: numkeys, then that many keys. A bad or out-of-range numkeys locks
	 * nothing and lets the handler reply Redis's error; numkeys 0 locks nothing either.
	 */
	private Reply runWithNumKeys(CommandSpec spec, CommandContext context) {
		byte[][] args = context.args;
		int idx = spec.numKeysIndex();
		Long numKeys = idx < args.length ? Bytes.parseLong(args[idx]) : null;
		if (numKeys == null || numKeys <= 0 || numKeys > args.length - idx - 1) {
			return spec.handler().handle(context);
		}
		return runLocked(spec, context, idx + 1, idx + numKeys.intValue(), 1);
	}

	private Reply runLocked(CommandSpec spec, CommandContext context, int first, int last, int step) {
		byte[][] args = context.args;
		Keyspace ks = core.keyspace();
		if (last <= first) {
			var shard = ks.shard(ks.shardIndex(args[first]));
			shard.lock();
			try {
				return spec.handler().handle(context);
			}
			finally {
				shard.unlock();
			}
		}
		int[] shards = shardsOf(ks, args, first, last, step);
		for (int s : shards) {
			ks.shard(s).lock();
		}
		try {
			return spec.handler().handle(context);
		}
		finally {
			for (int i = shards.length - 1; i >= 0; i--) {
				ks.shard(shards[i]).unlock();
			}
		}
	}

	/**
	 * Runs a command a Lua script called ({@code redis.call}) on the script's thread,
	 * with Redis's checks and error texts (scriptCall in script.c): unknown command,
	 * arity, noscript, writes from a read-only script.
	 *
	 * <p>
	 * It takes no locks: the script already holds the shards of the keys it declared, and
	 * every key the command names must be in one of those shards (checked with
	 * {@link dev.larder.engine.keyspace.Shard#isHeldByCurrentThread()}). A key elsewhere
	 * is refused with Redis Cluster's error for undeclared keys rather than locked:
	 * locking it now, out of ascending order, could deadlock against a multi-key command
	 * holding it and waiting for one of ours. For the same reason a script that holds
	 * locks may not run commands that walk the whole keyspace. Blocking commands answer
	 * at once (the script session cannot park), and clients blocked on keys the script
	 * writes are served only after the script released its locks ({@code outer}'s
	 * after-unlock hook).
	 * @param outer the EVAL invocation (its locks, its after-unlock hook)
	 * @param session the script's own session (database, RESP version of redis.setresp)
	 * @param readOnly EVAL_RO / EVALSHA_RO or a no-writes script: write commands are
	 * refused
	 * @param holdsLocks whether the script declared keys (so holds shard locks)
	 */
	public Reply executeFromScript(CommandContext outer, ClientSession session, byte[][] args, boolean readOnly,
			boolean holdsLocks) {
		CommandSpec spec = core.table().lookup(args[0]);
		if (spec != null && spec.hasSubcommands() && args.length >= 2) {
			spec = spec.subcommands().get(Bytes.string(args[1]).toLowerCase(java.util.Locale.ROOT));
		}
		if (spec == null) {
			return Reply.error("ERR Unknown Redis command called from script");
		}
		if (!spec.arityOk(args.length) || spec.handler() == null) {
			return Reply.error("ERR Wrong number of args calling Redis command from script");
		}
		if (spec.noScript()) {
			return Reply.error("ERR This Redis command is not allowed from script");
		}
		if (readOnly && spec.write()) {
			return Reply.error("ERR Write commands are not allowed from read-only scripts.");
		}
		if (spec.walksKeyspace() && holdsLocks) {
			return Reply.error("ERR This command walks the whole keyspace and is not allowed from a script that "
					+ "declared keys (the engine locks their shards); call it from a script with numkeys 0");
		}
		int first = spec.firstKey();
		if (!keysLockedByScript(spec, args)) {
			return Reply.error("ERR Script attempted to access a non local key in a cluster node");
		}
		core.stats().commandsProcessed.increment();
		CommandContext context = new CommandContext(core, session, args);
		Reply reply;
		try {
			reply = spec.handler().handle(context);
		}
		catch (ReplyException e) {
			reply = e.reply();
		}
		if (spec.write() && first > 0 && !reply.isError() && !(reply instanceof Reply.NullReply)
				&& core.blocking().anyWaiting()) {
			int db = session.db();
			outer.afterUnlock(() -> core.blocking().signal(db, args, first));
		}
		return reply;
	}

	/** Whether this thread holds the shard lock of every key the command names. */
	private boolean keysLockedByScript(CommandSpec spec, byte[][] args) {
		int idx = spec.scriptNumKeysIndex();
		if (idx > 0) {
			Long n = idx < args.length ? Bytes.parseLong(args[idx]) : null;
			int fixedFrom = spec.numKeysIndex() > 0 ? idx : spec.firstKey();
			if (!locked(args, fixedFrom, Math.min(idx, args.length) - 1)) {
				return false;
			}
			// a bad numkeys touches no key: the handler answers its error
			return n == null || n <= 0 || n > args.length - idx - 1 || locked(args, idx + 1, idx + n.intValue());
		}
		int first = spec.firstKey();
		if (first <= 0 || first >= args.length) {
			return true;
		}
		int last = spec.lastKey() < 0 ? args.length + spec.lastKey() : Math.min(spec.lastKey(), args.length - 1);
		Keyspace ks = core.keyspace();
		for (int i = first; i <= last; i += spec.step()) {
			if (!ks.shard(ks.shardIndex(args[i])).isHeldByCurrentThread()) {
				return false;
			}
		}
		return true;
	}

	private boolean locked(byte[][] args, int from, int to) {
		Keyspace ks = core.keyspace();
		for (int i = from; i <= to; i++) {
			if (!ks.shard(ks.shardIndex(args[i])).isHeldByCurrentThread()) {
				return false;
			}
		}
		return true;
	}

	/** Distinct shard indexes of the keys, ascending: the global lock order. */
	private static int[] shardsOf(Keyspace ks, byte[][] args, int first, int last, int step) {
		int[] idx = new int[(last - first) / step + 1];
		int n = 0;
		for (int i = first; i <= last; i += step) {
			idx[n++] = ks.shardIndex(args[i]);
		}
		Arrays.sort(idx, 0, n);
		int distinct = 0;
		for (int i = 0; i < n; i++) {
			if (distinct == 0 || idx[distinct - 1] != idx[i]) {
				idx[distinct++] = idx[i];
			}
		}
		return distinct == idx.length ? idx : Arrays.copyOf(idx, distinct);
	}

	private Reply error(String message) {
		core.stats().errorReplies.increment();
		return Reply.error(message);
	}

}
