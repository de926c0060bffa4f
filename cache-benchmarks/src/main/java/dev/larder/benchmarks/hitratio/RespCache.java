package dev.larder.benchmarks.hitratio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/**
 * A server reached over RESP with Lettuce: the replay's batches go down one connection
 * with auto-flush off (one write per batch, replies read as they come: a pipeline), the
 * CONFIG, DBSIZE and INFO calls down a second, ordinary one.
 */
final class RespCache implements BatchCache, AutoCloseable {

	private static final long REPLY_TIMEOUT_SECONDS = 60;

	private final StatefulRedisConnection<byte[], byte[]> data;

	private final RedisAsyncCommands<byte[], byte[]> pipeline;

	private final StatefulRedisConnection<String, String> admin;

	private final byte[] value;

	private final List<RedisFuture<byte[]>> gets = new ArrayList<>();

	private final List<RedisFuture<String>> sets = new ArrayList<>();

	RespCache(RedisClient client, int port, int valueSize) {
		RedisURI uri = RedisURI.builder()
			.withHost("127.0.0.1")
			.withPort(port)
			.withTimeout(Duration.ofSeconds(REPLY_TIMEOUT_SECONDS))
			.build();
		this.admin = client.connect(StringCodec.UTF8, uri);
		this.data = client.connect(ByteArrayCodec.INSTANCE, uri);
		this.data.setAutoFlushCommands(false);
		this.pipeline = this.data.async();
		this.value = new byte[valueSize];
		Arrays.fill(this.value, (byte) 'v');
	}

	@Override
	public void get(int[] keys, int offset, int count, boolean[] hit) {
		this.gets.clear();
		for (int i = 0; i < count; i++) {
			this.gets.add(this.pipeline.get(KeyNames.of(keys[offset + i])));
		}
		this.data.flushCommands();
		for (int i = 0; i < count; i++) {
			hit[i] = await(this.gets.get(i)) != null;
		}
	}

	@Override
	public void set(int[] keys, int count) {
		this.sets.clear();
		for (int i = 0; i < count; i++) {
			this.sets.add(this.pipeline.set(KeyNames.of(keys[i]), this.value));
		}
		this.data.flushCommands();
		for (RedisFuture<String> set : this.sets) {
			String reply = await(set);
			if (!"OK".equals(reply)) {
				throw new IllegalStateException("SET answered " + reply);
			}
		}
	}

	/**
	 * CONFIG SET; a server that refuses it throws {@code RedisCommandExecutionException}.
	 */
	void configSet(String parameter, String value) {
		this.admin.sync().configSet(parameter, value);
	}

	long dbsize() {
		return this.admin.sync().dbsize();
	}

	/** {@code evicted_keys} of INFO stats, or -1 when the server does not report it. */
	long evictedKeys() {
		return infoField(this.admin.sync(), "stats", "evicted_keys");
	}

	/** {@code used_memory} of INFO memory, or -1 when the server does not report it. */
	long usedMemory() {
		return infoField(this.admin.sync(), "memory", "used_memory");
	}

	private static long infoField(RedisCommands<String, String> commands, String section, String field) {
		String prefix = field + ":";
		for (String line : commands.info(section).split("\r\n")) {
			if (line.startsWith(prefix)) {
				return Long.parseLong(line.substring(prefix.length()).trim());
			}
		}
		return -1;
	}

	private static <T> @Nullable T await(RedisFuture<T> future) {
		try {
			return future.get(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a reply", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("no reply: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.data.close();
		this.admin.close();
	}

}
