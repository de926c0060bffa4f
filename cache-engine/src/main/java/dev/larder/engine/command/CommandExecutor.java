package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.eviction.Evictor;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.pubsub.PubSubCommands;
import dev.larder.engine.tracking.ClientTracking;
import dev.larder.engine.tracking.Tracking;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Runs a command on the calling thread, in Redis's order of checks: unknown command,
 * arity, authentication. It locks exactly the shards of the command's keys, ascending, so
 * multi-key commands never deadlock and unrelated keys never wait on each other: the keys
 * are those of the legacy first/last/step range of the command's key specs, or, for a
 * movable-keys command (EVAL, ZUNIONSTORE, LMPOP, ...), those its key specs find in the
 * arguments. Keyless commands that touch the whole keyspace (KEYS, SCAN, FLUSHDB, ...)
 * lock shard by shard themselves.
 */
public final class CommandExecutor {

	/**
	 * Returned (by identity) when a blocking command parked its client in
	 * {@link Blocking}: the connection sends nothing now and stops reading commands until
	 * the client is served or times out.
	 */
	public static final Reply BLOCKED = new Reply.NullReply(true);

	/**
	 * Returned (by identity) when CLIENT PAUSE postponed the command
	 * ({@link ClientPause}): the connection keeps it unexecuted, sends nothing and stops
	 * reading commands until the pause ends.
	 */
	public static final Reply POSTPONED = new Reply.NullReply(true);

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
	 * @param commands parsed commands in {@code commands[from..to)}; other slots may be
	 * null
	 * @return a meaningless number made from the loaded values: the caller keeps it (in a
	 * field of its own, never shared between threads) so that the JIT cannot drop the
	 * loads
	 */
	public int prefetch(ClientSession session, byte[] @Nullable [][] commands, int from, int to) {
		Keyspace ks = core.keyspace();
		int db = session.db();
		int sink = 0;
		for (int i = from; i < to; i++) {
			byte[][] args = parsed(commands, i);
			Command command = core.table().lookup(args[0]);
			if (command != null && command.firstKey > 0 && command.firstKey < args.length) {
				sink += ks.touch(db, args[command.firstKey]);
			}
		}
		return sink;
	}

	// The type cannot say that commands[from..to) are never null (other slots may be),
	// and this is every pipelined command's path, so no check is added to prove it.
	@SuppressWarnings("NullAway")
	private static byte[][] parsed(byte[] @Nullable [][] commands, int i) {
		return commands[i];
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
		Command command = core.table().lookup(args[0]);
		if (command == null) {
			return reject(session, null, Errors.unknownCommand(args));
		}
		if (command.hasSubcommands() && args.length >= 2) {
			Command sub = command.subcommand(Bytes.string(args[1]).toLowerCase(java.util.Locale.ROOT));
			if (sub == null) {
				return reject(session, null,
						Errors.unknownSubcommand(args[1], command.name().toUpperCase(java.util.Locale.ROOT)));
			}
			command = sub;
		}
		if (!command.arityOk(args.length)) {
			return reject(session, command, Errors.wrongArity(command.name()));
		}
		String unprotected = DebugCommands.refusal(core, session, command);
		if (unprotected != null) {
			return reject(session, command, unprotected);
		}
		if (!session.authenticated() && !command.noAuth && !core.acl().defaultUserOpen()) {
			return reject(session, command, Errors.NOAUTH);
		}
		// processCommand's MULTI rules: refusals above and here abort the transaction
		boolean inMulti = session.inMulti();
		if (inMulti && command.noMulti) {
			return reject(session, command, Transactions.NOT_ALLOWED_IN_MULTI);
		}
		String denied = core.acl().refusal(session, command, args);
		if (denied != null) {
			return reject(session, command, denied);
		}
		boolean queue = inMulti && Transactions.queues(command);
		// queueing may use memory without bound: Redis refuses every command then, save
		// those that end the transaction
		boolean multiOom = inMulti && Transactions.refusedWhenOutOfMemory(command);
		boolean rejectNewKey = false;
		boolean outOfMemory = false;
		if ((command.evictsFirst || multiOom) && core.eviction().maxmemory() != 0) {
			byte[] newKey = command.mayCreateOneKey && command.firstKey < args.length && !queue ? args[command.firstKey]
					: null;
			Evictor.Outcome outcome = core.evictor().makeRoom(session.db(), newKey);
			if (outcome == Evictor.Outcome.OUT_OF_MEMORY) {
				if (command.denyOom || multiOom) {
					return reject(session, command, Errors.OOM);
				}
				outOfMemory = true;
			}
			rejectNewKey = outcome == Evictor.Outcome.REJECT_NEW_KEY;
		}
		if (command.touchesKeyspace && session.monitoring()) {
			return reject(session, command, "ERR Replica can't interact with the keyspace");
		}
		String refusal = PubSubCommands.refusal(session, command);
		if (refusal != null) {
			return reject(session, command, refusal);
		}
		Introspection introspection = core.introspection();
		if (introspection.pause().type() != ClientPause.Type.OFF && session.canBlock()
				&& introspection.pause().postpones(command, session)) {
			session.ran(command.name()); // CLIENT LIST shows the command waiting
			return POSTPONED;
		}
		if (queue) {
			session.ran(command.name());
			return core.transactions().queue(session, command, args);
		}
		core.stats().commandsProcessed.increment();
		CommandContext context = new CommandContext(core, session, args);
		context.outOfMemory = outOfMemory;
		session.ran(command.name());
		Tracking.Turn turn = core.tracking().active() ? core.tracking().begin(session) : null;
		// a parked command re-run when served was fed when it blocked
		boolean monitored = core.monitors().active() && !session.noBlock();
		if (monitored && command.monitoredFirst) {
			core.monitors().feedScriptCall(session, args);
		}
		long start = System.nanoTime();
		Reply reply;
		try {
			reply = runLocked(command, context);
		}
		catch (ReplyException e) {
			reply = e.reply();
		}
		finally {
			if (turn != null) {
				core.tracking().end(turn);
			}
			ClientTracking.afterCommand(session.tracking(), command.name(), session.inMulti());
		}
		if (monitored) {
			core.monitors().feed(session, command, args);
		}
		if (reply != BLOCKED) {
			introspection.ran(command, session, args, System.nanoTime() - start, reply);
		}
		context.runAfterUnlock();
		if (rejectNewKey) {
			core.evictor().evictRejected(session.db(), args[command.firstKey]);
		}
		if (reply.isError()) {
			core.stats().errorReplies.increment();
			introspection.errorReplied(((Reply.ErrorReply) reply).message());
			return reply;
		}
		if (command.wakesBlocked && !(reply instanceof Reply.NullReply) && core.blocking().anyWaiting()) {
			core.blocking().signal(session.db(), args, command.spec().writtenKeyPositions(args));
		}
		return reply;
	}

	private Reply runLocked(Command command, CommandContext context) {
		byte[][] args = context.args;
		if (command.readsUndeclaredKeys(args)) {
			return runLocked(command, context, everyShard(core.keyspace()));
		}
		if (command.movableKeys) {
			int[] keys = command.spec().keyPositions(args);
			if (keys.length <= 1) {
				return keys.length == 0 ? handle(command, context) : runLocked(command, context, args[keys[0]]);
			}
			return runLocked(command, context, shardsOf(core.keyspace(), args, keys));
		}
		int first = command.firstKey;
		if (first == 0 || first >= args.length) {
			return handle(command, context);
		}
		int last = command.lastKey < 0 ? args.length + command.lastKey : Math.min(command.lastKey, args.length - 1);
		if (last <= first) {
			return runLocked(command, context, args[first]);
		}
		return runLocked(command, context, shardsOf(core.keyspace(), args, first, last, command.keyStep));
	}

	// Only a container has no handler, and none gets here: execute() dispatches a
	// container to its subcommand, and a container's arity needs one (executeFromScript
	// checks). This is every command's path, so no check is added to prove it.
	@SuppressWarnings("NullAway")
	private static Reply handle(Command command, CommandContext context) {
		if (command.readonly && context.session.tracking() != null) {
			return handleTracked(command, context);
		}
		return command.handler().handle(context);
	}

	/**
	 * A read-only command of a client that has used CLIENT TRACKING: the keys it read are
	 * remembered, still holding their shards' locks (call()'s trackingRememberKeys, even
	 * when the command failed; not for EVAL_RO and co, whose keys are not read as such).
	 */
	@SuppressWarnings("NullAway")
	private static Reply handleTracked(Command command, CommandContext context) {
		try {
			return command.handler().handle(context);
		}
		finally {
			ClientTracking t = context.session.tracking();
			if (t != null && t.on() && !command.name().endsWith("_ro")) {
				context.core()
					.tracking()
					.remember(context.session, t, context.args, command.spec().keyPositions(context.args));
			}
		}
	}

	/** Runs the handler holding the lock of {@code key}'s shard. */
	private Reply runLocked(Command command, CommandContext context, byte[] key) {
		var shard = core.keyspace().shard(core.keyspace().shardIndex(key));
		shard.lock();
		try {
			return handle(command, context);
		}
		finally {
			shard.unlock();
		}
	}

	/** Runs the handler holding the locks of {@code shards} (distinct, ascending). */
	private Reply runLocked(Command command, CommandContext context, int[] shards) {
		Keyspace ks = core.keyspace();
		for (int s : shards) {
			ks.shard(s).lock();
		}
		try {
			return handle(command, context);
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
		Command command = core.table().lookup(args[0]);
		if (command != null && command.hasSubcommands() && args.length >= 2) {
			command = command.subcommand(Bytes.string(args[1]).toLowerCase(java.util.Locale.ROOT));
		}
		if (command == null) {
			return Reply.error("ERR Unknown Redis command called from script");
		}
		if (!command.arityOk(args.length) || command.handler() == null) {
			return Reply.error("ERR Wrong number of args calling Redis command from script");
		}
		if (command.noScript && !core.debug().disableDenyScripts()) {
			return Reply.error("ERR This Redis command is not allowed from script");
		}
		String denied = core.acl().scriptRefusal(outer.session, command, args);
		if (denied != null) {
			return Reply.error(denied);
		}
		if (readOnly && command.write) {
			return Reply.error("ERR Write commands are not allowed from read-only scripts.");
		}
		if (command.denyOom && outer.outOfMemory && !outer.scriptWrote) {
			// Redis's scriptVerifyOOM: judged once, when the script started, until it
			// writes
			return Reply.error(Errors.OOM);
		}
		if (command.walksKeyspace && holdsLocks) {
			return Reply.error("ERR This command walks the whole keyspace and is not allowed from a script that "
					+ "declared keys (the engine locks their shards); call it from a script with numkeys 0");
		}
		if (!keysLockedByScript(command, args)) {
			return Reply.error("ERR Script attempted to access a non local key in a cluster node");
		}
		core.stats().commandsProcessed.increment();
		CommandContext context = new CommandContext(core, session, args);
		long start = System.nanoTime();
		Reply reply;
		try {
			reply = handle(command, context);
		}
		catch (ReplyException e) {
			reply = e.reply();
		}
		context.handAfterUnlockTo(outer);
		if (command.readonly && outer.session.tracking() != null) {
			rememberScriptKeys(outer);
		}
		if (core.monitors().active()) {
			core.monitors().feedFromScript(session, command, args);
		}
		core.introspection().ranFromScript(command, System.nanoTime() - start, reply);
		if (command.write && !reply.isError()) {
			outer.scriptWrote = true;
		}
		if (command.wakesBlocked && !reply.isError() && !(reply instanceof Reply.NullReply)
				&& core.blocking().anyWaiting()) {
			int db = session.db();
			int[] written = command.spec().writtenKeyPositions(args);
			outer.afterUnlock(() -> core.blocking().signal(db, args, written));
		}
		return reply;
	}

	/**
	 * A script read something: Redis 7.0's call() remembers, for a tracking caller, the
	 * keys the script declared (those of the EVAL / FCALL command, whose shards it
	 * holds).
	 */
	private void rememberScriptKeys(CommandContext outer) {
		ClientTracking t = outer.session.tracking();
		Command script = core.table().lookup(outer.args[0]);
		if (t != null && t.on() && script != null) {
			core.tracking().remember(outer.session, t, outer.args, script.spec().keyPositions(outer.args));
		}
	}

	/**
	 * Whether this thread holds the shard lock of every key the command names (those its
	 * key specs find: a key spec that finds none, such as a malformed numkeys, touches no
	 * key and the handler answers the error).
	 */
	private boolean keysLockedByScript(Command command, byte[][] args) {
		Keyspace ks = core.keyspace();
		if (command.movableKeys) {
			for (int i : command.spec().keyPositions(args)) {
				if (!ks.shard(ks.shardIndex(args[i])).isHeldByCurrentThread()) {
					return false;
				}
			}
			return true;
		}
		int first = command.firstKey;
		if (first <= 0 || first >= args.length) {
			return true;
		}
		int last = command.lastKey < 0 ? args.length + command.lastKey : Math.min(command.lastKey, args.length - 1);
		for (int i = first; i <= last; i += command.keyStep) {
			if (!ks.shard(ks.shardIndex(args[i])).isHeldByCurrentThread()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every shard, ascending: for a command that reads keys it does not name (SORT BY and
	 * GET), which are known only once the sorted value is read, under lock.
	 */
	private static int[] everyShard(Keyspace ks) {
		int[] all = new int[ks.shardCount()];
		for (int i = 0; i < all.length; i++) {
			all[i] = i;
		}
		return all;
	}

	/** Distinct shard indexes of the keys, ascending: the global lock order. */
	private static int[] shardsOf(Keyspace ks, byte[][] args, int first, int last, int step) {
		int[] idx = new int[(last - first) / step + 1];
		int n = 0;
		for (int i = first; i <= last; i += step) {
			idx[n++] = ks.shardIndex(args[i]);
		}
		return distinctAscending(idx, n);
	}

	/**
	 * {@link #shardsOf(Keyspace, byte[][], int, int, int)} for the keys at
	 * {@code positions}.
	 */
	private static int[] shardsOf(Keyspace ks, byte[][] args, int[] positions) {
		int[] idx = new int[positions.length];
		for (int i = 0; i < positions.length; i++) {
			idx[i] = ks.shardIndex(args[positions[i]]);
		}
		return distinctAscending(idx, idx.length);
	}

	private static int[] distinctAscending(int[] idx, int n) {
		Arrays.sort(idx, 0, n);
		int distinct = 0;
		for (int i = 0; i < n; i++) {
			if (distinct == 0 || idx[distinct - 1] != idx[i]) {
				idx[distinct++] = idx[i];
			}
		}
		return distinct == idx.length ? idx : Arrays.copyOf(idx, distinct);
	}

	/**
	 * rejectCommand: an error before the command ran, which also aborts the client's
	 * transaction (flagTransaction).
	 */
	/**
	 * An error before the command ran: counted as an error reply and in the command's
	 * rejected_calls, and it aborts an open transaction (Redis's rejectCommand and
	 * flagTransaction).
	 * @param command the command, or null when the name itself was unknown
	 */
	private Reply reject(ClientSession session, @Nullable Command command, String message) {
		ClientTracking.afterCommand(session.tracking(), command == null ? "" : command.name(), session.inMulti());
		MultiState multi = session.multi();
		if (multi != null) {
			multi.abort();
		}
		if (command != null) {
			command.stats.rejected.increment();
		}
		core.stats().errorReplies.increment();
		core.introspection().errorReplied(message);
		return Reply.error(message);
	}

	/**
	 * Runs a command EXEC dequeued, on EXEC's thread, which already holds the shard locks
	 * of every key the transaction names: as {@link #execute} does after its checks,
	 * without locking. Clients blocked on keys it writes, and the command's own
	 * after-unlock work, are served once EXEC released its locks ({@code exec}'s
	 * after-unlock hook).
	 */
	Reply executeQueued(CommandContext exec, Command command, byte[][] args, boolean outOfMemory) {
		ClientSession session = exec.session;
		core.stats().commandsProcessed.increment();
		CommandContext context = new CommandContext(core, session, args);
		context.outOfMemory = outOfMemory;
		context.queued = true;
		boolean monitored = core.monitors().active();
		if (monitored && command.monitoredFirst) {
			core.monitors().feedScriptCall(session, args);
		}
		long start = System.nanoTime();
		Reply reply;
		try {
			reply = handle(command, context);
		}
		catch (ReplyException e) {
			reply = e.reply();
		}
		if (monitored) {
			core.monitors().feed(session, command, args);
		}
		core.introspection().ranFromScript(command, System.nanoTime() - start, reply);
		exec.afterUnlock(context::runAfterUnlock);
		if (reply.isError()) {
			core.stats().errorReplies.increment();
			core.introspection().errorReplied(((Reply.ErrorReply) reply).message());
			return reply;
		}
		if (command.wakesBlocked && !(reply instanceof Reply.NullReply) && core.blocking().anyWaiting()) {
			int db = session.db();
			int[] written = command.spec().writtenKeyPositions(args);
			exec.afterUnlock(() -> core.blocking().signal(db, args, written));
		}
		return reply;
	}

	/**
	 * Adds the shards of the keys {@code args} names to {@code shards}: those
	 * {@link #execute} would lock for it.
	 */
	void addShards(Command command, byte[][] args, java.util.BitSet shards) {
		Keyspace ks = core.keyspace();
		if (command.readsUndeclaredKeys(args)) {
			shards.set(0, ks.shardCount());
			return;
		}
		if (command.movableKeys) {
			for (int i : command.spec().keyPositions(args)) {
				shards.set(ks.shardIndex(args[i]));
			}
			return;
		}
		int first = command.firstKey;
		if (first == 0 || first >= args.length) {
			return;
		}
		int last = command.lastKey < 0 ? args.length + command.lastKey : Math.min(command.lastKey, args.length - 1);
		for (int i = first; i <= Math.max(first, last); i += command.keyStep) {
			shards.set(ks.shardIndex(args[i]));
		}
	}

}
