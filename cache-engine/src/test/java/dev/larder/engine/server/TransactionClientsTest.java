package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Real clients' transaction APIs against the engine's port: Spring Data Redis's
 * {@code SessionCallback} with MULTI/EXEC and a WATCH retry loop (over Lettuce), and
 * Jedis's {@code Transaction}.
 */
class TransactionClientsTest {

	private static Engine engine;

	private static LettuceConnectionFactory factory;

	private static StringRedisTemplate template;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", engine.port()));
		factory.afterPropertiesSet();
		factory.start();
		template = new StringRedisTemplate(factory);
	}

	@AfterAll
	static void stop() {
		if (factory != null) {
			factory.destroy();
		}
		engine.close();
	}

	/** One WATCH/GET/MULTI/SET/EXEC attempt; true when EXEC ran it. */
	private static boolean increment(String key) {
		List<Object> results = template.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> List<Object> execute(RedisOperations<K, V> operations) throws DataAccessException {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				ops.watch(key);
				String current = ops.opsForValue().get(key);
				long next = (current == null ? 0 : Long.parseLong(current)) + 1;
				ops.multi();
				ops.opsForValue().set(key, Long.toString(next));
				return ops.exec();
			}
		});
		// Spring Data answers an aborted EXEC (a watched key changed) with an empty list
		return results != null && !results.isEmpty();
	}

	@Test
	void springSessionCallbackRunsMultiExec() {
		List<Object> results = template.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> List<Object> execute(RedisOperations<K, V> operations) throws DataAccessException {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				ops.multi();
				ops.opsForValue().set("spring:tx", "1");
				ops.opsForValue().increment("spring:tx");
				ops.opsForList().rightPush("spring:list", "a");
				return ops.exec();
			}
		});
		assertThat(results).containsExactly(true, 2L, 1L);
	}

	@Test
	void springWatchRetryLoopsLoseNoUpdate() throws Exception {
		int clients = 4;
		int perClient = 50;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<Integer>> retries = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				retries.add(pool.submit(() -> {
					go.await();
					int aborted = 0;
					for (int done = 0; done < perClient;) {
						if (increment("spring:counter")) {
							done++;
						}
						else {
							aborted++;
						}
					}
					return aborted;
				}));
			}
			go.countDown();
			for (Future<Integer> f : retries) {
				f.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(template.opsForValue().get("spring:counter")).isEqualTo(Integer.toString(clients * perClient));
	}

	@Test
	void springSeesAnAbortedExecWhenAWatchedKeyChanged() {
		List<Object> results = template.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> List<Object> execute(RedisOperations<K, V> operations) throws DataAccessException {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				ops.watch("spring:watched");
				engine.execute("SET", "spring:watched", "changed");
				ops.multi();
				ops.opsForValue().set("spring:watched", "mine");
				return ops.exec();
			}
		});
		assertThat(results).isEmpty();
		assertThat(template.opsForValue().get("spring:watched")).isEqualTo("changed");
	}

	@Test
	void jedisTransaction() {
		try (Jedis jedis = new Jedis("127.0.0.1", engine.port())) {
			jedis.set("jedis:str", "text");
			Transaction t = jedis.multi();
			Response<String> set = t.set("jedis:k", "1");
			Response<Long> incr = t.incr("jedis:k");
			t.incr("jedis:str");
			List<Object> results = t.exec();
			assertThat(set.get()).isEqualTo("OK");
			assertThat(incr.get()).isEqualTo(2L);
			assertThat(results.get(2)).isInstanceOfSatisfying(JedisDataException.class,
					e -> assertThat(e).hasMessage("ERR value is not an integer or out of range"));
		}
	}

	@Test
	void jedisWatchedTransactionAbortsWhenTheKeyChanged() {
		try (Jedis jedis = new Jedis("127.0.0.1", engine.port()); Jedis other = new Jedis("127.0.0.1", engine.port())) {
			jedis.watch("jedis:watched");
			other.set("jedis:watched", "theirs");
			Transaction t = jedis.multi();
			t.set("jedis:watched", "mine");
			assertThat(t.exec()).isNull();
			assertThat(jedis.get("jedis:watched")).isEqualTo("theirs");
			jedis.watch("jedis:watched");
			Transaction again = jedis.multi();
			again.set("jedis:watched", "mine");
			assertThat(again.exec()).containsExactly("OK");
		}
	}

}
