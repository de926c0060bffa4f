package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * One limit applied per key, each decision one script that reads, decides and writes
 * atomically. Times are microseconds; by default the script reads the server's clock, so
 * every instance sharing the backend counts on one clock.
 *
 * <p>
 * Token bucket (GCRA): the emission interval {@code period / permits} is rounded up to a
 * whole microsecond and the capacity is {@code permits} intervals, so the bucket holds
 * exactly {@code permits} and refills one permit per interval; with a period that is not
 * a multiple of {@code permits} microseconds the refill is under a microsecond per permit
 * slower than nominal, never faster. Sliding window: a log of grant times, exact at every
 * instant.
 */
final class ScriptedRateLimiter implements RateLimiter {

	private static final LuaScript TOKEN_BUCKET = LuaScript.load(ScriptedRateLimiter.class, "rate-token-bucket");

	private static final LuaScript SLIDING_WINDOW = LuaScript.load(ScriptedRateLimiter.class, "rate-sliding-window");

	private static final byte[] SERVER_TIME = new byte[0];

	private final String name;

	private final RateLimit limit;

	private final StructureKeys keys;

	private final RespCommands commands;

	private final @Nullable InstantSource clock;

	private final byte[] permits;

	private final byte[] periodMicros;

	private final byte[] intervalMicros;

	/**
	 * Makes sliding-log entries unique across instances: one id per limiter, a counter
	 * per request.
	 */
	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong requests = new AtomicLong();

	ScriptedRateLimiter(String name, RateLimit limit, StructureKeys keys, RespCommands commands,
			@Nullable InstantSource clock) {
		this.name = name;
		this.limit = limit;
		this.keys = keys;
		this.commands = commands;
		this.clock = clock;
		long period = micros(limit.period());
		this.permits = ascii(limit.permits());
		this.periodMicros = ascii(period);
		this.intervalMicros = ascii(Math.max(1, ceilDiv(period, limit.permits())));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public RateLimit limit() {
		return this.limit;
	}

	@Override
	public RateLimitDecision tryAcquire(String key, long permits) {
		if (permits < 1) {
			throw new IllegalArgumentException(
					"Rate limiter '" + this.name + "': ask for at least 1 permit, got " + permits);
		}
		if (permits > this.limit.permits()) {
			throw new IllegalArgumentException(
					"Rate limiter '" + this.name + "': " + permits + " permits can never be granted by a limit of "
							+ this.limit.permits() + " per " + this.limit.period());
		}
		List<String> keyList = List.of(this.keys.rateLimit(this.name, key));
		Object reply = switch (this.limit.algorithm()) {
			case TOKEN_BUCKET -> this.commands.run(TOKEN_BUCKET, keyList,
					List.of(this.intervalMicros, this.permits, ascii(permits), now()));
			case SLIDING_WINDOW -> this.commands.run(SLIDING_WINDOW, keyList, List.of(this.permits, this.periodMicros,
					ascii(permits), now(), ascii(this.instance + ":" + this.requests.incrementAndGet())));
		};
		List<?> decision = Replies.list(reply);
		boolean allowed = Replies.integer(decision.get(0)) == 1;
		Duration retryAfter = Duration.of(Replies.integer(decision.get(2)), ChronoUnit.MICROS);
		return new RateLimitDecision(allowed, Replies.integer(decision.get(1)), retryAfter);
	}

	private byte[] now() {
		if (this.clock == null) {
			return SERVER_TIME;
		}
		Instant now = this.clock.instant();
		return ascii(Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000));
	}

	private static long micros(Duration duration) {
		return Math.max(1, duration.toNanos() / 1_000);
	}

	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

	private static byte[] ascii(long value) {
		return ascii(Long.toString(value));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "RateLimiter[" + this.name + ", " + this.limit + "]";
	}

}
