package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scripts are atomic for their declared keys, cannot deadlock, and cannot hold a shard
 * past the limit.
 */
class ScriptingConcurrencyTest {

	/**
	 * Read, then write what was read plus one: loses updates unless the whole script is
	 * atomic.
	 */
	private static final String READ_MODIFY_WRITE = "local v = tonumber(redis.call('get', KEYS[1]) or '0') "
			+ "redis.call('set', KEYS[1], v + 1) "
			+ "if tonumber(redis.call('get', KEYS[1])) ~= v + 1 then return redis.error_reply('lost') end "
			+ "return v + 1";

	@Test
	void noLostUpdatesUnderContention() throws Exception {
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).build())) {
			String sha = ((Reply.BulkString) engine.execute("SCRIPT", "LOAD", READ_MODIFY_WRITE)).asString();
			int threads = 8;
			int perThread = 2_000;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> errors = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				errors.add(pool.submit(() -> {
					start.await();
					int bad = 0;
					for (int i = 0; i < perThread; i++) {
						// plain INCRs on the same key interleave with the scripts
						Reply r = i % 10 == 0 ? engine.execute("INCR", "counter")
								: engine.execute("EVALSHA", sha, "1", "counter");
						if (!(r instanceof Reply.IntegerReply)) {
							bad++;
						}
					}
					return bad;
				}));
			}
			start.countDown();
			for (Future<Integer> f : errors) {
				assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
			}
			pool.shutdown();
			assertThat(engine.execute("GET", "counter")).isEqualTo(Reply.bulk(Integer.toString(threads * perThread)));
		}
	}

	@Test
	void multiKeyScriptsInOppositeOrdersDoNotDeadlock() throws Exception {
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).shards(16).build())) {
			String move = "local v = redis.call('decr', KEYS[1]) redis.call('incr', KEYS[2]) "
					+ "redis.call('incr', KEYS[1]) return redis.call('decr', KEYS[2])";
			int threads = 6;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int id = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						String a = "k" + (i % 7);
						String b = "k" + ((i + 3) % 7);
						// half the threads name the keys the other way round
						engine.execute("EVAL", move, "2", id % 2 == 0 ? a : b, id % 2 == 0 ? b : a);
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(60, TimeUnit.SECONDS);
			}
			pool.shutdown();
			for (int i = 0; i < 7; i++) {
				assertThat(engine.execute("GET", "k" + i)).isEqualTo(Reply.bulk("0"));
			}
		}
	}

	@Test
	void aRunawayScriptIsStoppedAndReleasesItsShard() throws Exception {
		try (Engine engine = Engine
			.start(EngineConfig.builder().activeExpiry(false).scriptTimeLimitMillis(200).build())) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch scriptStarted = new CountDownLatch(1);
			Future<Reply> script = pool.submit(() -> {
				scriptStarted.countDown();
				// pcall cannot swallow the abort
				return engine.execute("EVAL", "redis.call('set', KEYS[1], 'x') "
						+ "local ok = pcall(function() while true do end end) return 'caught'", "1", "k");
			});
			scriptStarted.await();
			Future<Reply> waiter = pool.submit(() -> engine.execute("APPEND", "k", "y"));
			Reply r = script.get(30, TimeUnit.SECONDS);
			assertThat(r).isInstanceOf(Reply.ErrorReply.class);
			assertThat(((Reply.ErrorReply) r).message())
				.startsWith("ERR Script killed: it ran longer than the script time limit (200 ms) script: ");
			// The waiter got the shard. The write before the loop stays (Redis cannot
			// roll back either).
			// The APPEND may also have run before the script took the shard; its reply
			// says which.
			Reply appended = waiter.get(30, TimeUnit.SECONDS);
			assertThat(appended).isInstanceOf(Reply.IntegerReply.class);
			assertThat(engine.execute("GET", "k"))
				.isEqualTo(((Reply.IntegerReply) appended).value() == 2 ? Reply.bulk("xy") : Reply.bulk("x"));
			// the same runtimes keep working afterwards
			assertThat(engine.execute("EVAL", "return 1", "0")).isEqualTo(Reply.integer(1));
			pool.shutdown();
		}
	}

}
