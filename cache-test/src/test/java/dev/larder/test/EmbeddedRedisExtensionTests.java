package dev.larder.test;

import java.net.URI;

import dev.larder.engine.Engine;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmbeddedRedis} with its defaults: one engine for the class, reachable over RESP
 * by a real client (Lettuce), injected in every form, flushed before each test.
 */
@EmbeddedRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedRedisExtensionTests {

	private static int portOfFirstTest;

	private final EmbeddedRedisServer constructorServer;

	EmbeddedRedisExtensionTests(EmbeddedRedisServer server) {
		this.constructorServer = server;
	}

	@AfterAll
	static void theEngineIsStillUpUntilTheClassEnds(EmbeddedRedisServer server) {
		assertThat(server.engine().execute("PING").toString()).contains("PONG");
	}

	@Test
	@Order(1)
	void everyParameterFormPointsAtTheSameEngine(EmbeddedRedisServer server, Engine engine, @EmbeddedRedisPort int port,
			@EmbeddedRedisPort Integer boxedPort, @EmbeddedRedisUri String uri, @EmbeddedRedisUri URI uriObject) {
		assertThat(server).isSameAs(this.constructorServer);
		assertThat(engine).isSameAs(server.engine());
		assertThat(port).isPositive().isEqualTo(server.port()).isEqualTo(engine.port()).isEqualTo(boxedPort);
		assertThat(uri).isEqualTo("redis://127.0.0.1:" + port);
		assertThat(uriObject).isEqualTo(URI.create(uri));
		portOfFirstTest = port;
	}

	@Test
	@Order(2)
	void aRealClientTalksToTheEngineOverItsPort(@EmbeddedRedisUri String uri, Engine engine) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().set("greeting", "hello")).isEqualTo("OK");
			assertThat(connection.sync().get("greeting")).isEqualTo("hello");
		}
		finally {
			client.shutdown();
		}
		assertThat(Redis.dbsize(engine)).isEqualTo(1);
		assertThat(engine.port()).as("one engine for the whole class").isEqualTo(portOfFirstTest);
	}

	@Test
	@Order(3)
	void eachTestStartsWithAnEmptyEngine(Engine engine) {
		assertThat(Redis.dbsize(engine)).as("greeting from the previous test was flushed").isZero();
		engine.execute("SELECT", "3");
		Redis.set(engine, "left", "behind");
	}

	@Nested
	class NestedClasses {

		@Test
		void shareTheEnclosingClasssEngine(EmbeddedRedisServer server) {
			assertThat(server).isSameAs(EmbeddedRedisExtensionTests.this.constructorServer);
		}

	}

}
