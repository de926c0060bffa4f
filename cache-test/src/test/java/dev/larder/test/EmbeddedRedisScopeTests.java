package dev.larder.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code scope}: a class-scoped engine per class, stopped after it; the JVM-scoped one
 * shared by every class that asks for it and stopped when the run ends.
 */
class EmbeddedRedisScopeTests {

	static final Map<Class<?>, Integer> ports = new ConcurrentHashMap<>();

	@Test
	void classScopeGivesEachClassItsOwnEngineAndStopsItAfterTheClass() {
		ports.clear();
		JUnitRun.allPass(Map.of(), ClassScopedA.class, ClassScopedB.class);
		assertThat(ports.get(ClassScopedA.class)).isNotEqualTo(ports.get(ClassScopedB.class));
		assertRefused(ports.get(ClassScopedA.class));
		assertRefused(ports.get(ClassScopedB.class));
	}

	@Test
	void jvmScopeSharesOneEngineAndStopsItWhenTheRunEnds() {
		ports.clear();
		JUnitRun.allPass(Map.of(), JvmScopedA.class, JvmScopedB.class, ClassScopedA.class);
		assertThat(ports.get(JvmScopedA.class)).isEqualTo(ports.get(JvmScopedB.class));
		assertThat(Set.copyOf(ports.values())).hasSize(2);
		assertRefused(ports.get(JvmScopedA.class));
	}

	private static void assertRefused(int port) {
		assertThatExceptionOfType(ConnectException.class).as("port %d is closed", port).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			}
		});
	}

	static void record(Class<?> testClass, int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			assertThat(socket.isConnected()).isTrue();
		}
		ports.put(testClass, port);
	}

	@EmbeddedRedis
	@Fixture
	static class ClassScopedA {

		@Test
		void records(@EmbeddedRedisPort int port) throws IOException {
			record(getClass(), port);
		}

	}

	@EmbeddedRedis(scope = EmbeddedRedis.Scope.CLASS)
	@Fixture
	static class ClassScopedB {

		@Test
		void records(@EmbeddedRedisPort int port) throws IOException {
			record(getClass(), port);
		}

	}

	@EmbeddedRedis(scope = EmbeddedRedis.Scope.JVM)
	@Fixture
	static class JvmScopedA {

		@Test
		void records(@EmbeddedRedisPort int port) throws IOException {
			record(getClass(), port);
		}

	}

	@EmbeddedRedis(scope = EmbeddedRedis.Scope.JVM, reset = EmbeddedRedis.Reset.NONE)
	@Fixture
	static class JvmScopedB {

		@Test
		void records(@EmbeddedRedisPort int port) throws IOException {
			record(getClass(), port);
		}

	}

}
