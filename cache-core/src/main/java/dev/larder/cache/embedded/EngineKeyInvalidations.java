package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.larder.cache.near.InvalidationListener;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.engine.Engine;
import dev.larder.engine.events.KeyChangeListener;
import org.jspecify.annotations.Nullable;

/**
 * The engine's change feed as a {@link KeyInvalidations}: every change to a key of the
 * cache database, whatever made it (the cache, a RESP client, a script, a transaction,
 * expiry, eviction, RENAME), reaches the near cache of the namespace the key is in,
 * synchronously, on the changing thread, before the change's command returns. A flush or
 * a swap of the database drops every near entry.
 *
 * <p>
 * The engine calls this under a shard lock on every write, so the work per write is
 * small: nothing at all while no near cache listens (the listener is only registered on
 * the engine while one does), and otherwise one map lookup per {@code ::} in the key, the
 * rendered key being built only for a key of a listening namespace. Reports always flow
 * in-process, so {@link #live()} is always true.
 */
final class EngineKeyInvalidations implements KeyInvalidations, KeyChangeListener {

	/** Larder's caches live in database 0: {@code Engine.execute} addresses it. */
	private static final int CACHE_DATABASE = 0;

	private static final byte COLON = ':';

	private final Engine engine;

	/** Listeners by namespace; several when two managers share an engine. */
	private final ConcurrentMap<String, InvalidationListener[]> listeners = new ConcurrentHashMap<>();

	private boolean registered;

	EngineKeyInvalidations(Engine engine) {
		this.engine = engine;
	}

	@Override
	public synchronized Registration listen(String keyPrefix, InvalidationListener listener) {
		this.listeners.merge(keyPrefix, new InvalidationListener[] { listener }, EngineKeyInvalidations::concat);
		if (!this.registered) {
			this.engine.addKeyChangeListener(this);
			this.registered = true;
		}
		return () -> unlisten(keyPrefix, listener);
	}

	private synchronized void unlisten(String keyPrefix, InvalidationListener listener) {
		this.listeners.computeIfPresent(keyPrefix, (prefix, present) -> without(present, listener));
		if (this.listeners.isEmpty() && this.registered) {
			this.engine.removeKeyChangeListener(this);
			this.registered = false;
		}
	}

	@Override
	public boolean live() {
		return true;
	}

	@Override
	public void keyModified(int db, byte[] key) {
		if (db != CACHE_DATABASE) {
			return;
		}
		// The cache name may itself contain "::": try each end of a namespace.
		for (int end = separator(key, 0); end >= 0; end = separator(key, end + 1)) {
			InvalidationListener[] found = this.listeners.get(new String(key, 0, end + 2, StandardCharsets.UTF_8));
			if (found != null) {
				String rendered = new String(key, StandardCharsets.UTF_8);
				for (InvalidationListener listener : found) {
					listener.invalidate(rendered);
				}
				return;
			}
		}
	}

	@Override
	public void databaseFlushed(int db) {
		if (db == CACHE_DATABASE || db == -1) {
			invalidateAll();
		}
	}

	@Override
	public void databasesSwapped(int a, int b) {
		// Called before the swap holding every shard's lock, so no read in flight can see
		// the old contents after this.
		if (a == CACHE_DATABASE || b == CACHE_DATABASE) {
			invalidateAll();
		}
	}

	private void invalidateAll() {
		for (InvalidationListener[] found : this.listeners.values()) {
			for (InvalidationListener listener : found) {
				listener.invalidateAll();
			}
		}
	}

	/** Stops listening to the engine, for good. */
	synchronized void close() {
		this.listeners.clear();
		if (this.registered) {
			this.engine.removeKeyChangeListener(this);
			this.registered = false;
		}
	}

	/** The index of the next "::" at or after {@code from}, or -1. */
	private static int separator(byte[] key, int from) {
		for (int i = from; i < key.length - 1; i++) {
			if (key[i] == COLON && key[i + 1] == COLON) {
				return i;
			}
		}
		return -1;
	}

	private static InvalidationListener[] concat(InvalidationListener[] a, InvalidationListener[] b) {
		InvalidationListener[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static InvalidationListener @Nullable [] without(InvalidationListener[] present,
			InvalidationListener listener) {
		InvalidationListener[] left = Arrays.stream(present)
			.filter((candidate) -> candidate != listener)
			.toArray(InvalidationListener[]::new);
		return (left.length > 0) ? left : null;
	}

}
