package dev.larder.cache.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.key.CacheKeyRenderer;
import dev.larder.cache.near.NearCache;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.jspecify.annotations.Nullable;

/**
 * One cache's keys in Redis: each a string key {@code <prefix><cache>::<key>} holding the
 * serialized value, with a PX expiry when the cache has a ttl.
 *
 * <p>
 * {@code putIfAbsent} is one {@code SET NX GET} (atomic, one round trip, Redis 7+).
 * {@code clear} never runs {@code KEYS}: it walks the cache's namespace with
 * {@code SCAN MATCH} and removes what it finds with {@code UNLINK} in batches, on every
 * node of a Cluster.
 */
final class RedisStore implements CacheStore {

	private static final int CLEAR_BATCH = 1000;

	private final RedisBackend backend;

	private final String pattern;

	RedisStore(RedisBackend backend, String namespace) {
		this.backend = backend;
		this.pattern = CacheKeyRenderer.scanPattern(namespace);
	}

	@Override
	public @Nullable Object get(Object key) {
		return this.backend.call((redis) -> redis.get((String) key).toCompletableFuture());
	}

	@Override
	public CompletableFuture<@Nullable Object> getAsync(Object key) {
		// A miss completes with null.
		return this.backend.<@Nullable Object>callAsync(
				(redis) -> redis.get((String) key).toCompletableFuture().thenApply((value) -> value));
	}

	/**
	 * Redis's PTTL, so that a near cache entry never outlives the Redis entry it copies.
	 * A second round trip, made only when the near cache fills.
	 */
	@Override
	public long remainingTtlMillis(Object key) {
		Long ttl = this.backend.call((redis) -> redis.pttl((String) key).toCompletableFuture());
		return (ttl != null) ? ttl : NearCache.UNKNOWN;
	}

	@Override
	public CompletableFuture<Long> remainingTtlMillisAsync(Object key) {
		return this.backend.callAsync((redis) -> redis.pttl((String) key).toCompletableFuture());
	}

	@Override
	public CompletableFuture<Void> putAsync(Object key, Object value, Duration ttl) {
		return this.backend.callAsync((redis) -> set(redis, key, value, ttl).thenApply((ok) -> null));
	}

	@Override
	public void put(Object key, Object value, Duration ttl) {
		this.backend.call((redis) -> set(redis, key, value, ttl));
	}

	private static CompletableFuture<String> set(RedisClusterAsyncCommands<String, byte[]> redis, Object key,
			Object value, Duration ttl) {
		return (ttl.isZero() ? redis.set((String) key, (byte[]) value)
				: redis.set((String) key, (byte[]) value, SetArgs.Builder.px(ttl)))
			.toCompletableFuture();
	}

	@Override
	public @Nullable Object putIfAbsent(Object key, Object value, Duration ttl) {
		SetArgs args = ttl.isZero() ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(ttl);
		return this.backend.call((redis) -> redis.setGet((String) key, (byte[]) value, args).toCompletableFuture());
	}

	@Override
	public boolean delete(Object key) {
		Long removed = this.backend.call((redis) -> redis.unlink((String) key).toCompletableFuture());
		return removed != null && removed > 0;
	}

	/**
	 * Each batch's UNLINK is sent without waiting for its reply, so it travels in the
	 * same round trip as the next SCAN: a clear costs about one round trip per batch, not
	 * two.
	 */
	@Override
	public void clear() {
		this.backend.<@Nullable Void>callBlocking((handle) -> {
			RedisClusterCommands<String, byte[]> redis = handle.sync();
			List<CompletableFuture<Long>> unlinks = new ArrayList<>();
			ScanArgs match = ScanArgs.Builder.matches(this.pattern).limit(CLEAR_BATCH);
			KeyScanCursor<String> cursor = redis.scan(match);
			unlink(handle, cursor.getKeys(), unlinks);
			while (!cursor.isFinished()) {
				cursor = redis.scan(cursor, match);
				unlink(handle, cursor.getKeys(), unlinks);
			}
			awaitAll(unlinks, handle.connection().getTimeout());
			return null;
		});
	}

	private static void unlink(RedisHandle handle, List<String> keys, List<CompletableFuture<Long>> unlinks) {
		if (!keys.isEmpty()) {
			unlinks.add(handle.async().unlink(keys.toArray(String[]::new)).toCompletableFuture());
		}
	}

	private static void awaitAll(List<CompletableFuture<Long>> unlinks, Duration timeout) {
		try {
			CompletableFuture.allOf(unlinks.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisCommandInterruptedException(ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new RedisException("UNLINK failed while clearing", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new RedisCommandTimeoutException("UNLINK did not complete within " + timeout + " while clearing");
		}
	}

	@Override
	public Object nativeStore() {
		return this.backend.nativeClient();
	}

}
