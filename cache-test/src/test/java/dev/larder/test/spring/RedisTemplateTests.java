package dev.larder.test.spring;

import java.util.List;

import dev.larder.test.EmbeddedRedisServer;
import dev.larder.test.spring.app.RedisApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's auto-configured {@code StringRedisTemplate} against the engine that
 * {@link EmbeddedRedisConnection} registers, with {@code spring.data.redis.*} pointing at
 * a port where nothing listens: the connection details win, as a
 * {@code @ServiceConnection}'s do.
 */
@SpringBootTest(classes = RedisApplication.class, properties = "spring.data.redis.url=redis://127.0.0.1:1")
@EmbeddedRedisConnection
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisTemplateTests {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private EmbeddedRedisServer server;

	@Autowired
	private RedisConnectionFactory connectionFactory;

	@Autowired
	private DataRedisConnectionDetails connectionDetails;

	@Test
	@Order(1)
	void bootConnectsToTheEngine() {
		assertThat(this.connectionDetails).isInstanceOf(EmbeddedRedisConnectionDetails.class);
		assertThat(((LettuceConnectionFactory) this.connectionFactory).getPort()).isEqualTo(this.server.port());
		this.redis.opsForValue().set("greeting", "hello");
		assertThat(this.redis.opsForValue().get("greeting")).isEqualTo("hello");
		assertThat(this.server.engine().execute("GET", "greeting").toString()).contains("hello");
	}

	@Test
	@Order(2)
	void eachTestStartsWithAnEmptyEngine() {
		assertThat(this.redis.hasKey("greeting")).isFalse();
	}

	@Test
	void aSessionCallbackRunsMultiExecOnOneConnection() {
		List<Object> results = this.redis.execute(new SessionCallback<List<Object>>() {

			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" }) // SessionCallback's own
															// signature is generic
			public List<Object> execute(RedisOperations operations) throws DataAccessException {
				RedisOperations<String, String> ops = operations;
				ops.multi();
				ops.opsForValue().set("order:1", "placed");
				ops.opsForValue().increment("orders");
				ops.opsForList().rightPush("log", "order:1");
				return ops.exec();
			}

		});
		assertThat(results).containsExactly(true, 1L, 1L);
		assertThat(this.redis.opsForValue().get("order:1")).isEqualTo("placed");
	}

	@Test
	void aWatchedKeyChangedByAnotherClientAbortsTheTransaction() {
		this.redis.opsForValue().set("stock", "10");
		List<Object> results = this.redis.execute(new SessionCallback<List<Object>>() {

			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" }) // SessionCallback's own
															// signature is generic
			public List<Object> execute(RedisOperations operations) throws DataAccessException {
				RedisOperations<String, String> ops = operations;
				ops.watch("stock");
				// another client buys one in between
				RedisTemplateTests.this.server.engine().execute("DECR", "stock");
				ops.multi();
				ops.opsForValue().set("stock", "0");
				return ops.exec();
			}

		});
		assertThat(results).as("EXEC answered nil: the transaction was aborted").isEmpty();
		assertThat(this.redis.opsForValue().get("stock")).isEqualTo("9");
	}

}
