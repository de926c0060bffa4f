package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.GenericCommandSpecs;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyAccess;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import dev.larder.engine.keyspace.ValueType;
import dev.larder.engine.keyspace.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The generic keyspace family (db.c and expire.c). */
final class KeyCommands {

	private KeyCommands() {
	}

	static void register(CommandTable t) {
		t.bind(GenericCommandSpecs.DEL, KeyCommands::del);
		t.bind(GenericCommandSpecs.UNLINK, KeyCommands::del);
		t.bind(GenericCommandSpecs.EXISTS, KeyCommands::exists);
		t.bind(GenericCommandSpecs.TOUCH, KeyCommands::exists);
		t.bind(GenericCommandSpecs.EXPIRE, c -> expire(c, c.now(), true));
		t.bind(GenericCommandSpecs.PEXPIRE, c -> expire(c, c.now(), false));
		t.bind(GenericCommandSpecs.EXPIREAT, c -> expire(c, 0, true));
		t.bind(GenericCommandSpecs.PEXPIREAT, c -> expire(c, 0, false));
		t.bind(GenericCommandSpecs.TTL, c -> ttl(c, false, false));
		t.bind(GenericCommandSpecs.PTTL, c -> ttl(c, true, false));
		t.bind(GenericCommandSpecs.EXPIRETIME, c -> ttl(c, false, true));
		t.bind(GenericCommandSpecs.PEXPIRETIME, c -> ttl(c, true, true));
		t.bind(GenericCommandSpecs.PERSIST, KeyCommands::persist);
		t.bind(GenericCommandSpecs.TYPE, KeyCommands::type);
		t.bindContainer(GenericCommandSpecs.OBJECT);
		t.bind(GenericCommandSpecs.OBJECT_ENCODING, c -> object(c, ObjectField.ENCODING));
		t.bind(GenericCommandSpecs.OBJECT_FREQ, c -> object(c, ObjectField.FREQ));
		t.bind(GenericCommandSpecs.OBJECT_IDLETIME, c -> object(c, ObjectField.IDLETIME));
		t.bind(GenericCommandSpecs.OBJECT_REFCOUNT, c -> object(c, ObjectField.REFCOUNT));
		t.bind(GenericCommandSpecs.OBJECT_HELP, c -> ConnectionCommands.help("OBJECT", "ENCODING <key>",
				"    Return the kind of internal representation used in order to store the value",
				"    associated with a <key>.", "FREQ <key>",
				"    Return the access frequency index of the <key>. The returned integer is",
				"    proportional to the logarithm of the recent access frequency of the key.", "IDLETIME <key>",
				"    Return the idle time of the <key>, that is the approximated number of",
				"    seconds elapsed since the last access to the key.", "REFCOUNT <key>",
				"    Return the number of references of the value associated with the specified", "    <key>."));
		t.bindWalkingKeyspace(GenericCommandSpecs.KEYS, KeyCommands::keys);
		t.bindWalkingKeyspace(GenericCommandSpecs.SCAN, KeyCommands::scan);
		t.bind(GenericCommandSpecs.RENAME, c -> rename(c, false));
		t.bind(GenericCommandSpecs.RENAMENX, c -> rename(c, true));
		t.bind(GenericCommandSpecs.COPY, KeyCommands::copy);
		t.bindWalkingKeyspace(GenericCommandSpecs.RANDOMKEY, KeyCommands::randomkey);
		t.bindWalkingKeyspace(ServerCommandSpecs.DBSIZE, KeyCommands::dbsize);
		t.bindWalkingKeyspace(ServerCommandSpecs.FLUSHDB, KeyCommands::flushdb);
		t.bindWalkingKeyspace(ServerCommandSpecs.FLUSHALL, KeyCommands::flushall);
		t.bindWalkingKeyspace(ServerCommandSpecs.SWAPDB, KeyCommands::swapdb);
		t.bind(GenericCommandSpecs.MOVE, KeyCommands::move);
	}

	private static Reply del(CommandContext c) {
		Database db = c.db();
		long deleted = 0;
		for (int i = 1; i < c.argc(); i++) {
			if (db.delete(c.arg(i))) {
				c.modified(c.arg(i));
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(i));
				deleted++;
			}
		}
		return Reply.integer(deleted);
	}

	private static Reply exists(CommandContext c) {
		Database db = c.db();
		long found = 0;
		for (int i = 1; i < c.argc(); i++) {
			if (db.lookupReadNoTouch(c.arg(i)) != null) {
				found++;
			}
		}
		return Reply.integer(found);
	}

	/**
	 * expireGenericCommand: options, then the number, then overflow checks, then the key.
	 */
	private static Reply expire(CommandContext c, long basetime, boolean seconds) {
		ExpireArgs a = ExpireArgs.parse(c, basetime, seconds);
		Database db = c.db();
		KeyEntry e = db.lookup(c.arg(1));
		if (e == null || !a.allows(e.hasExpiry() ? e.expireAt() : -1)) {
			return Reply.integer(0);
		}
		if (a.when() <= c.now()) {
			db.remove(e);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
		}
		else {
			db.expireAt(e, a.when());
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_GENERIC, "expire", c.arg(1));
		}
		return Reply.integer(1);
	}

	/**
	 * ttlGenericCommand: -2 missing, -1 persistent; seconds round to nearest, as Redis
	 * does.
	 */
	private static Reply ttl(CommandContext c, boolean millis, boolean absolute) {
		KeyEntry e = c.db().lookupReadNoTouch(c.arg(1));
		if (e == null) {
			return Reply.integer(-2);
		}
		if (!e.hasExpiry()) {
			return Reply.integer(-1);
		}
		long ttl = absolute ? e.expireAt() : e.expireAt() - c.now();
		if (ttl < 0) {
			ttl = 0;
		}
		return Reply.integer(millis ? ttl : (ttl + 500) / 1000);
	}

	private static Reply persist(CommandContext c) {
		KeyEntry e = c.db().lookup(c.arg(1));
		if (e == null || !e.hasExpiry()) {
			return Reply.integer(0);
		}
		c.db().persist(e);
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_GENERIC, "persist", c.arg(1));
		return Reply.integer(1);
	}

	private enum ObjectField {

		ENCODING, FREQ, IDLETIME, REFCOUNT

	}

	private static final String POLICY_SWITCH_NOTE = " Please note that when switching between policies at runtime"
			+ " LRU and LFU data will take some time to adjust.";

	/**
	 * OBJECT ENCODING reports Redis 7.0's names for what the value would be in Redis:
	 * strings int/embstr/raw; hashes listpack/hashtable; lists quicklist; sets
	 * intset/hashtable; sorted sets listpack/skiplist (see the value classes for where
	 * the engine's layout differs). REFCOUNT is 1. IDLETIME and FREQ read the key's
	 * access field without touching it, and answer Redis's errors when the policy tracks
	 * the other figure; the TinyLFU policies track both (FREQ is then the sketch's
	 * estimate, 0-15).
	 */
	private static Reply object(CommandContext c, ObjectField field) {
		Keyspace ks = c.core().keyspace();
		Shard shard = ks.shard(ks.shardIndex(c.arg(2)));
		shard.lock();
		try {
			KeyEntry e = c.db().lookupNoTouch(c.arg(2));
			if (e == null) {
				return Reply.NULL;
			}
			KeyAccess access = ks.access();
			access.refreshClock();
			return switch (field) {
				case ENCODING -> Reply.bulk(Values.encoding(e.value()));
				case REFCOUNT -> Reply.integer(1);
				case IDLETIME -> access.mode() == KeyAccess.Mode.LFU
						? Reply.error(
								"ERR An LFU maxmemory policy is selected, idle time not tracked." + POLICY_SWITCH_NOTE)
						: Reply.integer(access.idleMillis(e) / 1000);
				case FREQ -> switch (access.mode()) {
					case LFU -> Reply.integer(access.lfuCounter(e));
					case TINYLFU -> Reply.integer(ks.readFrequency(e.key()));
					case LRU -> Reply.error("ERR An LFU maxmemory policy is not selected, access frequency not tracked."
							+ POLICY_SWITCH_NOTE);
				};
			};
		}
		finally {
			shard.unlock();
		}
	}

	private static Reply type(CommandContext c) {
		KeyEntry e = c.db().lookupReadNoTouch(c.arg(1));
		return new Reply.SimpleString(e == null ? "none" : ValueType.of(e.value()).typeName());
	}

	/**
	 * Walks shard by shard: each shard is consistent, the whole is not a snapshot (as
	 * with SCAN).
	 */
	private static Reply keys(CommandContext c) {
		byte[] pattern = c.arg(1);
		boolean all = pattern.length == 1 && pattern[0] == '*';
		Keyspace ks = c.core().keyspace();
		Database db = c.db();
		long now = c.now();
		List<Reply> out = new ArrayList<>();
		for (int s = 0; s < ks.shardCount(); s++) {
			Shard shard = ks.shard(s);
			shard.lock();
			try {
				db.forEach(s, e -> {
					if ((all || GlobMatcher.matches(pattern, e.key())) && !e.isExpired(now)) {
						out.add(Reply.bulk(e.key()));
					}
				});
			}
			finally {
				shard.unlock();
			}
		}
		return new Reply.ArrayReply(out);
	}

	/**
	 * The cursor packs the shard index in its low bits and that shard's dict cursor above
	 * them, so each shard keeps Redis's reverse-binary guarantees independently.
	 */
	private static Reply scan(CommandContext c) {
		long cursor = ScanArgs.parseCursor(c.arg(1));
		ScanArgs a = ScanArgs.parse(c, 2, true);
		Keyspace ks = c.core().keyspace();
		Database db = c.db();
		int bits = Integer.numberOfTrailingZeros(ks.shardCount());
		int shard = (int) (cursor & (ks.shardCount() - 1));
		long dictCursor = cursor >>> bits;
		List<byte[]> keys = new ArrayList<>();
		long maxIterations = a.count * 10;
		do {
			Shard sh = ks.shard(shard);
			sh.lock();
			try {
				dictCursor = db.scan(shard, dictCursor, e -> keys.add(e.key()));
			}
			finally {
				sh.unlock();
			}
			if (dictCursor == 0) {
				shard++;
			}
		}
		while (shard < ks.shardCount() && maxIterations-- > 0 && keys.size() < a.count);
		long next = shard >= ks.shardCount() ? 0 : dictCursor << bits | shard;
		List<Reply> out = new ArrayList<>(keys.size());
		for (byte[] key : keys) {
			if (!a.matches(key)) {
				continue;
			}
			Shard sh = ks.shard(ks.shardIndex(key));
			sh.lock();
			try {
				KeyEntry e = db.lookup(key); // expires it if due, as Redis's scan does
				if (e != null && (a.type == null || Args.is(a.type, ValueType.of(e.value()).typeName()))) {
					out.add(Reply.bulk(key));
				}
			}
			finally {
				sh.unlock();
			}
		}
		return Reply.array(Reply.bulk(ScanArgs.formatCursor(next)), new Reply.ArrayReply(out));
	}

	private static Reply rename(CommandContext c, boolean nx) {
		Database db = c.db();
		boolean sameKey = java.util.Arrays.equals(c.arg(1), c.arg(2));
		KeyEntry src = db.lookup(c.arg(1));
		if (src == null) {
			return Reply.error(Errors.NO_SUCH_KEY);
		}
		if (sameKey) {
			return nx ? Reply.integer(0) : Reply.OK;
		}
		if (db.lookup(c.arg(2)) != null) {
			if (nx) {
				return Reply.integer(0);
			}
			db.delete(c.arg(2));
		}
		// removed first, so its value leaves the memory total of its slice before it
		// joins
		// the new key's (a removed entry keeps its value and expiry to read)
		db.remove(src);
		KeyEntry dst = db.addMoved(c.arg(2), src);
		if (src.hasExpiry()) {
			db.expireAt(dst, src.expireAt());
		}
		c.modified(c.arg(1));
		c.modified(c.arg(2));
		c.notify(KeyChanges.NOTIFY_GENERIC, "rename_from", c.arg(1));
		c.notify(KeyChanges.NOTIFY_GENERIC, "rename_to", c.arg(2));
		return nx ? Reply.integer(1) : Reply.OK;
	}

	private static Reply copy(CommandContext c) {
		CopyArgs a = CopyArgs.parse(c);
		Database src = c.db();
		Database dst = a.target();
		boolean replace = a.replace();
		if (src == dst && java.util.Arrays.equals(c.arg(1), c.arg(2))) {
			return Reply.error(Errors.SAME_OBJECT);
		}
		KeyEntry e = src.lookupRead(c.arg(1));
		if (e == null) {
			return Reply.integer(0);
		}
		if (dst.lookup(c.arg(2)) != null) {
			if (!replace) {
				return Reply.integer(0);
			}
			dst.delete(c.arg(2));
		}
		KeyEntry copy = dst.addCopy(c.arg(2), e);
		if (e.hasExpiry()) {
			dst.expireAt(copy, e.expireAt());
		}
		c.core().keyspace().changes().modified(dst.index(), c.arg(2));
		c.core().keyspace().changes().notify(KeyChanges.NOTIFY_GENERIC, "copy_to", c.arg(2), dst.index());
		return Reply.integer(1);
	}

	/**
	 * A random live key: picks a shard weighted by size, then a random entry; expired
	 * picks are reclaimed.
	 */
	private static Reply randomkey(CommandContext c) {
		Keyspace ks = c.core().keyspace();
		Database db = c.db();
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 100; attempt++) {
			long total = size(ks, db);
			if (total == 0) {
				return Reply.NULL;
			}
			long pick = rnd.nextLong(total);
			for (int s = 0; s < ks.shardCount(); s++) {
				Shard shard = ks.shard(s);
				shard.lock();
				try {
					int n = db.size(s);
					if (pick >= n) {
						pick -= n;
						continue;
					}
					KeyEntry e = db.random(s, rnd);
					if (e == null) {
						break;
					}
					if (!e.isExpired(c.now())) {
						return Reply.bulk(e.key());
					}
					db.removeExpired(e);
					c.core().stats().expiredKeys.increment();
					break;
				}
				finally {
					shard.unlock();
				}
			}
		}
		return Reply.NULL;
	}

	private static Reply dbsize(CommandContext c) {
		return Reply.integer(size(c.core().keyspace(), c.db()));
	}

	static long size(Keyspace ks, Database db) {
		long total = 0;
		for (int s = 0; s < ks.shardCount(); s++) {
			Shard shard = ks.shard(s);
			shard.lock();
			try {
				total += db.size(s);
			}
			finally {
				shard.unlock();
			}
		}
		return total;
	}

	private static Reply flushdb(CommandContext c) {
		checkFlushFlags(c);
		clearDatabase(c.core().keyspace(), c.db());
		c.core().keyspace().changes().flushed(c.db().index());
		return Reply.OK;
	}

	private static Reply flushall(CommandContext c) {
		checkFlushFlags(c);
		Keyspace ks = c.core().keyspace();
		for (int i = 0; i < ks.databaseCount(); i++) {
			clearDatabase(ks, ks.db(i));
		}
		ks.changes().flushed(-1);
		return Reply.OK;
	}

	/**
	 * swapdbCommand: the two databases exchange their keys under every shard's lock;
	 * clients stay on their database numbers, so WATCHers of either are told and clients
	 * blocked on either re-check their keys.
	 */
	private static Reply swapdb(CommandContext c) {
		int a = dbIndex(c.arg(1), "ERR invalid first DB index");
		int b = dbIndex(c.arg(2), "ERR invalid second DB index");
		Keyspace ks = c.core().keyspace();
		if (a < 0 || a >= ks.databaseCount() || b < 0 || b >= ks.databaseCount()) {
			return Reply.error("ERR DB index is out of range");
		}
		if (a == b) {
			return Reply.OK;
		}
		ks.lockAll();
		try {
			// before the swap, as dbSwapDatabases touches watched keys: a watch judges
			// what its database held against what replaces it
			ks.changes().swapped(a, b);
			ks.swap(a, b);
		}
		finally {
			ks.unlockAll();
		}
		Blocking blocking = c.core().blocking();
		if (blocking.anyWaiting()) {
			// after the command (or the script that ran it) has released its locks
			c.afterUnlock(() -> blocking.signalDatabases(a, b));
		}
		return Reply.OK;
	}

	/**
	 * moveCommand: the key and its TTL go to database {@code db} if it is absent there. A
	 * key hashes to the same shard in every database, so the lock the executor took for
	 * it covers both.
	 */
	private static Reply move(CommandContext c) {
		long target = Args.parseLong(c.arg(2));
		if (target < Integer.MIN_VALUE || target > Integer.MAX_VALUE) {
			// getIntFromObjectOrReply's range error
			return Reply.error(
					"ERR value is out of range, value must between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
		}
		Keyspace ks = c.core().keyspace();
		if (target < 0 || target >= ks.databaseCount()) {
			return Reply.error(Errors.DB_OUT_OF_RANGE);
		}
		int srcId = c.session().db();
		int dstId = (int) target;
		if (dstId == srcId) {
			return Reply.error(Errors.SAME_OBJECT);
		}
		byte[] key = c.arg(1);
		Database src = c.db();
		KeyEntry e = src.lookup(key);
		if (e == null) {
			return Reply.integer(0);
		}
		Database dst = ks.db(dstId);
		if (dst.lookup(key) != null) {
			return Reply.integer(0);
		}
		// removed first: a value counts in one slice's memory at a time (addMoved)
		src.remove(e);
		KeyEntry moved = dst.addMoved(key, e);
		if (e.hasExpiry()) {
			dst.expireAt(moved, e.expireAt());
		}
		KeyChanges changes = ks.changes();
		changes.modified(srcId, key);
		changes.modified(dstId, key);
		changes.notify(KeyChanges.NOTIFY_GENERIC, "move_from", key, srcId);
		changes.notify(KeyChanges.NOTIFY_GENERIC, "move_to", key, dstId);
		return Reply.integer(1);
	}

	/** getIntFromObjectOrReply: {@code message} for a bad number and one past an int. */
	private static int dbIndex(byte[] arg, String message) {
		long v = Args.parseLong(arg, message);
		if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
			throw new ReplyException(message);
		}
		return (int) v;
	}

	/**
	 * ASYNC and SYNC are both accepted; both free synchronously (the GC reclaims the
	 * memory anyway).
	 */
	private static void checkFlushFlags(CommandContext c) {
		if (c.argc() > 2 || c.argc() == 2 && !Args.is(c.arg(1), "async") && !Args.is(c.arg(1), "sync")) {
			throw new ReplyException(Errors.SYNTAX);
		}
	}

	static void clearDatabase(Keyspace ks, Database db) {
		for (int s = 0; s < ks.shardCount(); s++) {
			Shard shard = ks.shard(s);
			shard.lock();
			try {
				db.clear(s);
			}
			finally {
				shard.unlock();
			}
		}
	}

}
