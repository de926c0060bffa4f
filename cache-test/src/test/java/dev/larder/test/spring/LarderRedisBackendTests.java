package dev.larder.test.spring;

import dev.larder.test.EmbeddedRedis;
import dev.larder.test.EmbeddedRedisServer;
import dev.larder.test.spring.larder.LarderApplication;
import dev.larder.test.spring.larder.PriceService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Larder's own redis backend follows the connection details that
 * {@link EmbeddedRedisConnection} registers, before {@code larder.redis.*}; with
 * {@code reset = NONE} the cached entries outlive the test that wrote them.
 */
@SpringBootTest(classes = LarderApplication.class,
		properties = { "larder.backend=redis", "larder.fail-open=false", "larder.redis.url=redis://127.0.0.1:1" })
@EmbeddedRedisConnection(reset = EmbeddedRedis.Reset.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LarderRedisBackendTests {

	@Autowired
	private PriceService prices;

	@Autowired
	private EmbeddedRedisServer server;

	@Test
	@Order(1)
	void theSecondCallIsACacheHitStoredInTheEngine() {
		assertThat(this.prices.price("tea")).isEqualTo(300);
		assertThat(this.prices.price("tea")).isEqualTo(300);
		assertThat(this.prices.lookups()).isEqualTo(1);
		assertThat(this.server.engine().execute("DBSIZE").toString()).doesNotContain("value=0");
	}

	@Test
	@Order(2)
	void withResetNoneTheEntryIsStillThereInTheNextTest() {
		assertThat(this.prices.price("tea")).isEqualTo(300);
		assertThat(this.prices.lookups()).isEqualTo(1);
	}

}
