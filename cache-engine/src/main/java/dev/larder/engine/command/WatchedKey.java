package dev.larder.engine.command;

import java.util.Arrays;

/**
 * One client's WATCH of one key in one database (Redis's watchedKey). Its two flags are
 * read and written only under the monitor of the {@link WatchRegistry} bucket that holds
 * it.
 */
final class WatchedKey {

	final int db;

	final byte[] key;

	final int hash;

	final SessionWatches owner;

	/**
	 * The key was stored but past its time to live when it was watched: its deletion (the
	 * lazy or active expiry that is bound to follow) is then no change (Redis 7.0's
	 * watchedKey.expired).
	 */
	boolean expired;

	/**
	 * The key was stored and alive when watched and has not been reported changed since:
	 * a flush of its database removes it. Redis asks the dict at flush time; the answer
	 * is the same, since any change since the WATCH has already made the client dirty,
	 * and this way a flush need not lock shards to ask.
	 */
	boolean present;

	WatchedKey(int db, byte[] key, int hash, SessionWatches owner) {
		this.db = db;
		this.key = key;
		this.hash = hash;
		this.owner = owner;
	}

	boolean sameKey(int db, byte[] key) {
		return this.db == db && Arrays.equals(this.key, key);
	}

}
