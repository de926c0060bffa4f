package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.TransactionsCommandSpecs;
import dev.larder.engine.eviction.Evictor;
import dev.larder.engine.keyspace.Keyspace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH with Redis 7.0's rules (multi.c and
 * processCommand): commands sent after MULTI are queued and answered QUEUED; one refused
 * while queueing (unknown, wrong arity, no_multi, out of memory) makes EXEC answer
 * EXECABORT; a change to a watched key makes it answer a null array; errors while the
 * queued commands run do not undo the others.
 *
 * <p>
 * EXEC is atomic for the transaction's keys: it locks, once and ascending, the shards of
 * every key the queued commands name and of every watched key (all shards when a queued
 * command walks the keyspace, whose handler then re-enters the locks it needs), checks
 * the watches under those locks, runs the commands without further locking and serves
 * clients blocked on the written keys after releasing them.
 */
final class Transactions {

	static final String NOT_ALLOWED_IN_MULTI = "ERR Command not allowed inside a transaction";

	private static final Reply QUEUED = new Reply.SimpleString("QUEUED");

	private static final Reply NULL_ARRAY = new Reply.NullReply(true);

	private static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";

	private final EngineCore core;

	private final WatchRegistry watches;

	Transactions(EngineCore core) {
		this.core = core;
		this.watches = new WatchRegistry(core.keyspace());
	}

	void register(CommandTable t) {
		t.bind(TransactionsCommandSpecs.MULTI, this::multi);
		t.bind(TransactionsCommandSpecs.EXEC, this::exec);
		t.bind(TransactionsCommandSpecs.DISCARD, this::discard);
		t.bind(TransactionsCommandSpecs.WATCH, this::watch);
		t.bind(TransactionsCommandSpecs.UNWATCH, this::unwatch);
	}

	/**
	 * Whether the command is queued inside MULTI: all but those that act on the
	 * transaction or the connection at once.
	 */
	static boolean queues(Command command) {
		return switch (command.name()) {
			case "exec", "discard", "multi", "watch", "quit", "reset" -> false;
			default -> true;
		};
	}

	/**
	 * Whether the command is refused inside MULTI when memory is full and nothing can be
	 * evicted: all but those that end the transaction or the connection.
	 */
	static boolean refusedWhenOutOfMemory(Command command) {
		return switch (command.name()) {
			case "exec", "discard", "quit", "reset" -> false;
			default -> true;
		};
	}

	Reply queue(ClientSession session, Command command, byte[][] args) {
		MultiState multi = session.multi();
		if (multi != null) {
			multi.queue(command, args, session.watchDirty());
		}
		return QUEUED;
	}

	private Reply multi(CommandContext c) {
		if (c.session().inMulti()) {
			throw new ReplyException("ERR MULTI calls can not be nested");
		}
		c.session().multi(new MultiState());
		return Reply.OK;
	}

	private Reply discard(CommandContext c) {
		if (!c.session().inMulti()) {
			throw new ReplyException("ERR DISCARD without MULTI");
		}
		discard(c.session());
		return Reply.OK;
	}

	private Reply watch(CommandContext c) {
		if (c.session().inMulti()) {
			throw new ReplyException("ERR WATCH inside MULTI is not allowed");
		}
		SessionWatches owner = c.session().watches();
		for (int i = 1; i < c.argc(); i++) {
			watches.watch(owner, c.session().db(), c.arg(i), c.now());
		}
		return Reply.OK;
	}

	private Reply unwatch(CommandContext c) {
		unwatch(c.session());
		return Reply.OK;
	}

	/**
	 * Redis's discardTransaction, as DISCARD, EXEC and RESET end a transaction: drops the
	 * queue and the watches.
	 */
	void discard(ClientSession session) {
		session.multi(null);
		unwatch(session);
	}

	/** unwatchAllKeys and a clean CLIENT_DIRTY_CAS. */
	private void unwatch(ClientSession session) {
		SessionWatches owner = session.watchesIfAny();
		if (owner != null) {
			watches.unwatchAll(owner);
			owner.dirty = false;
		}
	}

	private Reply exec(CommandContext c) {
		ClientSession session = c.session();
		MultiState multi = session.multi();
		if (multi == null) {
			throw new ReplyException("ERR EXEC without MULTI");
		}
		// processCommand's maxmemory check, which judges EXEC by the flags of the
		// commands it queued
		boolean outOfMemory = false;
		if (core.eviction().maxmemory() != 0 && multi.anyEvictsFirst()
				&& core.evictor().makeRoom(session.db(), null) == Evictor.Outcome.OUT_OF_MEMORY) {
			if (multi.anyDenyOom()) {
				discard(session);
				throw new ReplyException("EXECABORT Transaction discarded because of: " + Errors.OOM);
			}
			outOfMemory = true;
		}
		if (multi.aborted()) {
			discard(session);
			throw new ReplyException(EXECABORT);
		}
		SessionWatches owner = session.watchesIfAny();
		if (owner != null && owner.dirty) {
			discard(session);
			return NULL_ARRAY;
		}
		int[] shards = shardsToLock(multi, owner);
		Keyspace ks = core.keyspace();
		for (int s : shards) {
			ks.shard(s).lock();
		}
		Reply reply;
		try {
			reply = runLocked(c, multi, owner, outOfMemory);
		}
		finally {
			for (int i = shards.length - 1; i >= 0; i--) {
				ks.shard(shards[i]).unlock();
			}
			discard(session);
		}
		return reply;
	}

	/**
	 * The shards of the queued commands' keys and of the watched keys, ascending; all of
	 * them when a queued command walks the keyspace.
	 */
	private int[] shardsToLock(MultiState multi, @Nullable SessionWatches owner) {
		BitSet shards = new BitSet();
		for (MultiState.Queued q : multi.commands()) {
			if (q.command().walksKeyspace) {
				int[] all = new int[core.keyspace().shardCount()];
				for (int i = 0; i < all.length; i++) {
					all[i] = i;
				}
				return all;
			}
			core.executor().addShards(q.command(), q.args(), shards);
		}
		if (owner != null) {
			watches.addShards(owner, shards);
		}
		return shards.stream().toArray();
	}

	private Reply runLocked(CommandContext c, MultiState multi, @Nullable SessionWatches owner, boolean outOfMemory) {
		ClientSession session = c.session();
		if (owner != null) {
			// checked under the watched keys' locks: a writer that changed one has
			// reported it by now, and none can change one until EXEC is done
			if (owner.dirty || watches.anyExpired(owner, c.now())) {
				return NULL_ARRAY;
			}
			watches.unwatchAll(owner);
		}
		List<Reply> replies = new ArrayList<>(multi.commands().size());
		boolean noBlock = session.noBlock();
		session.noBlock(true); // blocking commands answer at once (CLIENT_DENY_BLOCKING)
		try {
			for (MultiState.Queued q : multi.commands()) {
				// execCommand checks ACLs again: they may have changed since the command
				// queued
				String denied = core.acl().execRefusal(session, q.command(), q.args());
				replies.add(denied != null ? Reply.error(denied)
						: core.executor().executeQueued(c, q.command(), q.args(), outOfMemory));
			}
		}
		finally {
			session.noBlock(noBlock);
		}
		return new Reply.ArrayReply(replies);
	}

	/** A client that went away: its watches must not outlive it. */
	void forget(ClientSession session) {
		discard(session);
	}

}
