package dev.larder.test;

import dev.larder.engine.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reset = NONE}: data outlives the test that wrote it, @BeforeAll data included.
 */
@EmbeddedRedis(reset = EmbeddedRedis.Reset.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedRedisResetNoneTests {

	@BeforeAll
	static void seed(Engine engine) {
		Redis.set(engine, "seed", "from @BeforeAll");
	}

	@Test
	@Order(1)
	void writes(Engine engine) {
		Redis.set(engine, "written", "by the first test");
		assertThat(Redis.dbsize(engine)).isEqualTo(2);
	}

	@Test
	@Order(2)
	void seesWhatEarlierTestsWrote(Engine engine) {
		assertThat(engine.execute("GET", "written").toString()).contains("by the first test");
		assertThat(engine.execute("GET", "seed").toString()).contains("from @BeforeAll");
	}

}
