package dev.larder.cache.memcached;

import java.nio.charset.StandardCharsets;

import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.MemcachedClient;
import org.jspecify.annotations.Nullable;

/**
 * The few XMemcached calls the structures make, with checked exceptions turned into
 * {@link MemcachedAccessException} and values kept as raw bytes (never Java-serialized).
 */
final class MemcachedCalls {

	private final MemcachedClient client;

	MemcachedCalls(MemcachedClient client) {
		this.client = client;
	}

	byte @Nullable [] get(String key) {
		return call("get", () -> this.client.get(key, BytesTranscoder.INSTANCE));
	}

	@Nullable GetsResponse<byte[]> gets(String key) {
		return call("gets", () -> this.client.gets(key, BytesTranscoder.INSTANCE));
	}

	/** Stores only if the key is absent: Memcached's one atomic "create". */
	boolean add(String key, int expiry, byte[] value) {
		return call("add", () -> this.client.add(key, expiry, value, BytesTranscoder.INSTANCE));
	}

	/** Stores only if the key is unchanged since {@code gets} returned {@code cas}. */
	boolean cas(String key, int expiry, byte[] value, long cas) {
		return call("cas", () -> this.client.cas(key, expiry, value, BytesTranscoder.INSTANCE, cas));
	}

	/**
	 * Adds {@code delta}, creating the counter with {@code initial} (never expiring) when
	 * absent.
	 */
	long incr(String key, long delta, long initial) {
		return call("incr", () -> this.client.incr(key, delta, initial));
	}

	static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

	static String ascii(byte[] value) {
		return new String(value, StandardCharsets.US_ASCII);
	}

	private static <T> T call(String operation, Call<T> call) {
		try {
			return call.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MemcachedAccessException("Interrupted during Memcached " + operation, ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MemcachedAccessException("Memcached " + operation + " failed: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface Call<T> {

		T run() throws Exception;

	}

}
