package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.key.CacheKeyRenderer;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import org.jspecify.annotations.Nullable;

/**
 * One cache's keys in the embedded engine, with the Redis backend's layout and commands:
 * {@code SET ... PX} with the ttl, {@code SET NX GET} for putIfAbsent, {@code UNLINK},
 * and {@code SCAN MATCH} + {@code UNLINK} to clear.
 */
final class EmbeddedStore implements CacheStore {

	private static final byte[] GET = bytes("GET");

	private static final byte[] SET = bytes("SET");

	private static final byte[] PX = bytes("PX");

	private static final byte[] NX = bytes("NX");

	private static final byte[] GET_OPTION = bytes("GET");

	private static final byte[] UNLINK = bytes("UNLINK");

	private static final byte[] EXISTS = bytes("EXISTS");

	private static final byte[] PTTL = bytes("PTTL");

	private static final byte[] SCAN = bytes("SCAN");

	private static final byte[] MATCH = bytes("MATCH");

	private static final byte[] COUNT = bytes("COUNT");

	private static final byte[] CLEAR_BATCH = bytes("1000");

	private final Engine engine;

	private final byte[] pattern;

	EmbeddedStore(Engine engine, String namespace) {
		this.engine = engine;
		this.pattern = bytes(CacheKeyRenderer.scanPattern(namespace));
	}

	@Override
	public @Nullable Object get(Object key) {
		return value(this.engine.execute(GET, key(key)));
	}

	@Override
	public void put(Object key, Object value, Duration ttl) {
		Reply reply = ttl.isZero() ? this.engine.execute(SET, key(key), (byte[]) value)
				: this.engine.execute(SET, key(key), (byte[]) value, PX, millis(ttl));
		check(reply);
	}

	@Override
	public @Nullable Object putIfAbsent(Object key, Object value, Duration ttl) {
		Reply reply = ttl.isZero() ? this.engine.execute(SET, key(key), (byte[]) value, NX, GET_OPTION)
				: this.engine.execute(SET, key(key), (byte[]) value, NX, GET_OPTION, PX, millis(ttl));
		return value(reply);
	}

	@Override
	public boolean delete(Object key) {
		return integer(this.engine.execute(UNLINK, key(key))) > 0;
	}

	@Override
	public long remainingTtlMillis(Object key) {
		return integer(this.engine.execute(PTTL, key(key)));
	}

	boolean exists(Object key) {
		return integer(this.engine.execute(EXISTS, key(key))) > 0;
	}

	@Override
	public void clear() {
		byte[] cursor = bytes("0");
		do {
			Reply reply = check(this.engine.execute(SCAN, cursor, MATCH, this.pattern, COUNT, CLEAR_BATCH));
			List<Reply> parts = ((Reply.ArrayReply) reply).items();
			cursor = ((Reply.BulkString) parts.get(0)).value();
			List<Reply> keys = ((Reply.ArrayReply) parts.get(1)).items();
			if (!keys.isEmpty()) {
				List<byte[]> unlink = new ArrayList<>(keys.size() + 1);
				unlink.add(UNLINK);
				keys.forEach((found) -> unlink.add(((Reply.BulkString) found).value()));
				check(this.engine.execute(unlink));
			}
		}
		while (!(cursor.length == 1 && cursor[0] == '0'));
	}

	@Override
	public Object nativeStore() {
		return this.engine;
	}

	private static byte[] key(Object key) {
		return bytes((String) key);
	}

	private static byte[] millis(Duration ttl) {
		return bytes(Long.toString(Math.max(1, ttl.toMillis())));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable Object value(Reply reply) {
		if (check(reply) instanceof Reply.BulkString bulk) {
			return bulk.value();
		}
		return null;
	}

	private static long integer(Reply reply) {
		return ((Reply.IntegerReply) check(reply)).value();
	}

	private static Reply check(Reply reply) {
		if (reply instanceof Reply.ErrorReply error) {
			throw new IllegalStateException("Embedded engine refused a cache command: " + error.message());
		}
		return reply;
	}

}
