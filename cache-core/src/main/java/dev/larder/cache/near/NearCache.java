package dev.larder.cache.near;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.jspecify.annotations.Nullable;

/**
 * One cache's near cache: decoded store values (including Spring's {@code NullValue}
 * marker) in a bounded Caffeine cache keyed by the method key, so that a hit costs one
 * lookup and renders nothing.
 *
 * <p>
 * <strong>Exactness.</strong> The backend reports changed keys as rendered keys
 * ({@link InvalidationListener}); a reverse map from rendered key to method key, written
 * when an entry is reserved, finds the entry to drop. A fill closes the race between a
 * read in flight and the invalidation of what it read with the placeholder technique of
 * Redis's client-side caching guide: before the backend is read, a unique placeholder is
 * put under the key (and the reverse mapping written), an invalidation removes whatever
 * the key holds, placeholder included, and the fill replaces the placeholder only if it
 * is still the very same one. So a change the backend makes after the read removes either
 * the placeholder (the fill then fails) or the filled entry. {@link #invalidateAll} also
 * advances an epoch that every placeholder records, so a fill that began before it fails
 * even when its placeholder was reserved after the clear swept past its key. A read that
 * finds the placeholder of another read of the key shares that read's result instead of
 * reading the backend beside it, so that with asynchronous reports no answer is older
 * than one already given (see {@link #shared}).
 *
 * <p>
 * <strong>Reverse map.</strong> Kept beside the entries rather than derived from them
 * (the backend reports rendered keys, which cannot be parsed back into method keys). It
 * is written after the placeholder, and a mapping is dropped only when the key holds no
 * entry at the time (checked under the mapping's lock), so whenever the near cache holds
 * an entry for a key, an invalidation of its rendered key finds it. Two method keys that
 * render alike ({@code "1"} and {@code 1}) share a backend entry: reserving one drops the
 * other.
 *
 * <p>
 * <strong>Lifetime.</strong> An entry never outlives the backend's: its deadline is the
 * backend entry's remaining ttl read when it is filled, shortened to the near cache's own
 * ttl when one is set. Entries with no deadline carry no clock read on the hit path.
 *
 * <p>
 * When the backend says its reports do not flow ({@link KeyInvalidations#live()} false),
 * the near cache neither serves nor fills.
 */
public final class NearCache implements InvalidationListener {

	/** Redis's PTTL answer for a key without expiry. */
	public static final long PERSISTENT = -1;

	/** Redis's PTTL answer for a missing key. */
	public static final long ABSENT = -2;

	/** What a store answers for a remaining ttl it cannot tell. */
	public static final long UNKNOWN = Long.MIN_VALUE;

	private final Cache<Object, Slot> slots;

	private final ConcurrentMap<Object, Slot> map;

	private final ConcurrentHashMap<String, Object> methodKeys = new ConcurrentHashMap<>();

	private final @Nullable KeyInvalidations reports;

	private final long ttlNanos;

	private final long unknownTtlNanos;

	private final AtomicLong epoch = new AtomicLong();

	/**
	 * The values held when the backend's reports stopped (a lost connection): no longer
	 * vouched for, so never served as hits, but the only copy a cache can fall back on
	 * (stale-if-error) while the backend is unreachable. At most what the near cache
	 * held; dropped once reports flow again.
	 */
	private final ConcurrentHashMap<Object, Object> outageCopies = new ConcurrentHashMap<>();

	/**
	 * @param settings size and ttl of the near cache
	 * @param reports the backend's reports of changed keys, or {@code null} for a backend
	 * without them (entries then live only as long as the near cache's ttl, which must be
	 * set)
	 * @param cacheTtl the cache's own ttl: the lifetime of an entry whose backend cannot
	 * tell its remaining ttl, when the near cache has no ttl of its own
	 */
	public NearCache(NearCacheSettings settings, @Nullable KeyInvalidations reports, Duration cacheTtl) {
		if (reports == null && !settings.expires()) {
			throw new IllegalArgumentException(
					"A near cache in front of a backend that does not report changed keys needs a ttl");
		}
		this.slots = Caffeine.newBuilder()
			.maximumSize(settings.maxSize())
			.<Object, Slot>removalListener((key, slot, cause) -> {
				if (slot != null && cause != RemovalCause.REPLACED) {
					forget(slot.renderedKey);
				}
			})
			.build();
		this.map = this.slots.asMap();
		this.reports = reports;
		this.ttlNanos = settings.ttl().toNanos();
		this.unknownTtlNanos = cacheTtl.toNanos();
	}

	/**
	 * The decoded store value held for a method key, or {@code null} on a miss. The hit
	 * path: one lookup, no allocation, a clock read only for entries that expire.
	 */
	public @Nullable Object get(Object key) {
		KeyInvalidations reports = this.reports;
		if (reports != null && !reports.live()) {
			return null;
		}
		Slot slot = this.slots.getIfPresent(key);
		if (slot == null) {
			return null;
		}
		Object value = slot.value;
		if (value != null && expired(slot)) {
			this.map.remove(key, slot);
			return null;
		}
		return value;
	}

	/**
	 * Reads a key from the backend and keeps what it read, unless the key changed in the
	 * meantime.
	 * @param key the method key
	 * @param renderedKey the key as the backend stores it (and reports it)
	 * @param read reads the decoded store value from the backend, {@code null} for none
	 * @param remainingTtlMillis reads the backend entry's remaining ttl: milliseconds,
	 * {@link #PERSISTENT}, {@link #ABSENT} or {@link #UNKNOWN}
	 * @return what {@code read} answered
	 */
	public @Nullable Object readThrough(Object key, String renderedKey, Function<String, @Nullable Object> read,
			ToLongFunction<String> remainingTtlMillis) {
		KeyInvalidations reports = this.reports;
		if (reports != null && !reports.live()) {
			return read.apply(renderedKey);
		}
		forgetOutageCopies();
		Slot placeholder = new Slot(null, renderedKey, false, 0, this.epoch.get(), new CompletableFuture<>());
		Slot current = this.map.putIfAbsent(key, placeholder);
		if (current != null) {
			return shared(current, renderedKey, read);
		}
		mapRenderedKey(key, renderedKey);
		CompletableFuture<@Nullable Object> pending = Objects.requireNonNull(placeholder.pending);
		try {
			Object value = read.apply(renderedKey);
			pending.complete(value);
			if (value != null) {
				fill(key, placeholder, value, remainingTtlMillis);
			}
			return value;
		}
		catch (RuntimeException | Error ex) {
			pending.completeExceptionally(ex);
			throw ex;
		}
		finally {
			release(key, placeholder);
		}
	}

	/**
	 * What a read answers when the key already holds something: the entry if it is one,
	 * else the result of the read in flight (one backend read per key at a time), or its
	 * own read if that one failed.
	 *
	 * <p>
	 * Why wait rather than read the backend beside it: on a backend that reports changes
	 * asynchronously (Redis), the read in flight may have read a value just before a
	 * write and fill the near cache with it before the write's report arrives. A read
	 * beside it would answer the newer value, and later hits the older one: a value older
	 * than one already answered. Sharing the read in flight keeps every answer of this
	 * near cache in the order of its reads of the backend. The read in flight began no
	 * earlier than the last report of the key (a report removes the placeholder), so
	 * sharing it answers nothing a report has already invalidated.
	 */
	private @Nullable Object shared(Slot current, String renderedKey, Function<String, @Nullable Object> read) {
		CompletableFuture<@Nullable Object> pending = current.pending;
		if (pending == null) {
			Object value = current.value;
			return (value != null && !expired(current)) ? value : read.apply(renderedKey);
		}
		try {
			return pending.join();
		}
		catch (CompletionException | CancellationException ex) {
			return read.apply(renderedKey);
		}
	}

	/**
	 * {@link #readThrough} for a backend read without blocking; the remaining ttl is read
	 * only once a value was found.
	 */
	public CompletableFuture<@Nullable Object> readThroughAsync(Object key, String renderedKey,
			Function<String, CompletableFuture<@Nullable Object>> read,
			Function<String, CompletableFuture<Long>> remainingTtlMillis) {
		KeyInvalidations reports = this.reports;
		if (reports != null && !reports.live()) {
			return read.apply(renderedKey);
		}
		forgetOutageCopies();
		Slot placeholder = new Slot(null, renderedKey, false, 0, this.epoch.get(), new CompletableFuture<>());
		Slot current = this.map.putIfAbsent(key, placeholder);
		if (current != null) {
			return sharedAsync(current, renderedKey, read);
		}
		mapRenderedKey(key, renderedKey);
		CompletableFuture<@Nullable Object> pending = Objects.requireNonNull(placeholder.pending);
		CompletableFuture<@Nullable Object> filled;
		try {
			filled = read.apply(renderedKey).whenComplete((value, ex) -> {
				if (ex != null) {
					pending.completeExceptionally(ex);
				}
				else {
					pending.complete(value);
				}
			}).thenCompose((value) -> {
				if (value == null) {
					return CompletableFuture.completedFuture(null);
				}
				return ttlAsync(remainingTtlMillis, renderedKey).thenApply((ttl) -> {
					fill(key, placeholder, value, (ignored) -> ttl);
					return value;
				});
			});
		}
		catch (RuntimeException | Error ex) {
			pending.completeExceptionally(ex);
			release(key, placeholder);
			throw ex;
		}
		return filled.whenComplete((value, ex) -> release(key, placeholder));
	}

	/**
	 * Removes a placeholder the read did not replace (a miss, a failure, a change during
	 * the read), and its reverse mapping at once rather than when Caffeine's removal
	 * listener gets to it; a no-op once the fill replaced it.
	 */
	private void release(Object key, Slot placeholder) {
		if (this.map.remove(key, placeholder)) {
			forget(placeholder.renderedKey);
		}
	}

	/** {@link #shared} without blocking. */
	private CompletableFuture<@Nullable Object> sharedAsync(Slot current, String renderedKey,
			Function<String, CompletableFuture<@Nullable Object>> read) {
		CompletableFuture<@Nullable Object> pending = current.pending;
		if (pending == null) {
			Object value = current.value;
			return (value != null && !expired(current)) ? CompletableFuture.<@Nullable Object>completedFuture(value)
					: read.apply(renderedKey);
		}
		return pending
			.<CompletableFuture<@Nullable Object>>handle((value, ex) -> (ex != null) ? read.apply(renderedKey)
					: CompletableFuture.<@Nullable Object>completedFuture(value))
			.thenCompose(Function.identity());
	}

	private static CompletableFuture<Long> ttlAsync(Function<String, CompletableFuture<Long>> remainingTtlMillis,
			String renderedKey) {
		CompletableFuture<Long> ttl;
		try {
			ttl = remainingTtlMillis.apply(renderedKey);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(ABSENT);
		}
		// a failed ttl read only means no fill
		return ttl.exceptionally((ex) -> ABSENT);
	}

	/**
	 * Maps the rendered key to the method key, after the placeholder and before the read:
	 * an invalidation of anything the read can see finds the key.
	 */
	private void mapRenderedKey(Object key, String renderedKey) {
		this.methodKeys.compute(renderedKey, (rendered, previous) -> {
			if (previous != null && !previous.equals(key)) {
				this.map.remove(previous);
			}
			return key;
		});
	}

	/** Reports flow again: the backend answers for the keys of the outage copies now. */
	private void forgetOutageCopies() {
		if (!this.outageCopies.isEmpty()) {
			this.outageCopies.clear();
		}
	}

	private static boolean expired(Slot slot) {
		return slot.expires && System.nanoTime() - slot.deadline >= 0;
	}

	private void fill(Object key, Slot placeholder, Object value, ToLongFunction<String> remainingTtlMillis) {
		long start = System.nanoTime();
		long remaining;
		try {
			remaining = remainingTtlMillis.applyAsLong(placeholder.renderedKey);
		}
		catch (RuntimeException ex) {
			return;
		}
		long lifetime = lifetimeNanos(remaining);
		if (lifetime < 0) {
			return;
		}
		Slot filled = new Slot(value, placeholder.renderedKey, lifetime > 0, start + lifetime, placeholder.epoch, null);
		this.map.computeIfPresent(key,
				(k, current) -> (current == placeholder && this.epoch.get() == placeholder.epoch) ? filled : current);
	}

	/** How long an entry may live: 0 for no deadline, negative for not at all. */
	private long lifetimeNanos(long remainingMillis) {
		long backend;
		if (remainingMillis == PERSISTENT) {
			backend = 0;
		}
		else if (remainingMillis == UNKNOWN) {
			backend = this.unknownTtlNanos;
		}
		else if (remainingMillis > 0) {
			backend = Duration.ofMillis(remainingMillis).toNanos();
		}
		else {
			// absent, or expiring this very millisecond
			return -1;
		}
		if (this.ttlNanos == 0) {
			return backend;
		}
		return (backend == 0) ? this.ttlNanos : Math.min(backend, this.ttlNanos);
	}

	/** Drops the entry of a method key: a write through the cache changed it. */
	public void invalidateKey(Object key) {
		this.map.remove(key);
	}

	@Override
	public void invalidate(String renderedKey) {
		this.methodKeys.computeIfPresent(renderedKey, (rendered, key) -> {
			this.map.remove(key);
			return null;
		});
	}

	@Override
	public void invalidateAll() {
		KeyInvalidations reports = this.reports;
		if (reports != null && !reports.live()) {
			this.map.forEach((key, slot) -> {
				if (slot.value != null) {
					this.outageCopies.put(key, slot.value);
				}
			});
		}
		else {
			this.outageCopies.clear();
		}
		this.epoch.incrementAndGet();
		this.slots.invalidateAll();
	}

	/**
	 * What the near cache held for a method key when the backend's reports stopped, while
	 * they still do not flow; {@code null} otherwise. Not a hit: for a cache to fall back
	 * on when the backend and the loader both fail (stale-if-error).
	 */
	public @Nullable Object outageCopy(Object key) {
		KeyInvalidations reports = this.reports;
		if (reports == null || this.outageCopies.isEmpty()) {
			return null;
		}
		if (reports.live()) {
			this.outageCopies.clear();
			return null;
		}
		return this.outageCopies.get(key);
	}

	/** Drops a reverse mapping whose key no longer holds an entry. */
	private void forget(String renderedKey) {
		this.methodKeys.computeIfPresent(renderedKey, (rendered, key) -> this.map.containsKey(key) ? key : null);
	}

	/** Entries held now, placeholders of reads in flight included. */
	public long estimatedSize() {
		return this.slots.estimatedSize();
	}

	/** Reverse mappings held now (at least one per entry); for tests. */
	long mappedKeys() {
		this.slots.cleanUp();
		return this.methodKeys.size();
	}

	/** Whether a method key holds a placeholder now; for tests. */
	boolean reserved(Object key) {
		Slot slot = this.map.get(key);
		return slot != null && slot.value == null;
	}

	/**
	 * A near entry, or (value {@code null}, {@code pending} set) the placeholder of a
	 * read in flight, compared by identity.
	 */
	private static final class Slot {

		final @Nullable Object value;

		final String renderedKey;

		final boolean expires;

		final long deadline;

		final long epoch;

		/** A placeholder's read, which reads of the same key meanwhile share. */
		final @Nullable CompletableFuture<@Nullable Object> pending;

		Slot(@Nullable Object value, String renderedKey, boolean expires, long deadline, long epoch,
				@Nullable CompletableFuture<@Nullable Object> pending) {
			this.value = value;
			this.renderedKey = renderedKey;
			this.expires = expires;
			this.deadline = deadline;
			this.epoch = epoch;
			this.pending = pending;
		}

	}

}
