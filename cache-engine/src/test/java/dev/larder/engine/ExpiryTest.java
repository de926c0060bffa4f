package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ExpiryTest extends EngineTestSupport {

	@Test
	void keysExpireLazilyOnAccess() {
		run("SET", "k", "v", "PX", "1000");
		clock.advance(1000);
		expect(bulk("v"), "GET", "k"); // Redis: expired only once the clock is strictly
										// past the deadline
		clock.advance(1);
		expect(Reply.NULL, "GET", "k");
		expect(integer(0), "DBSIZE");
	}

	@Test
	void expiredKeysAreInvisibleToEveryCommand() {
		run("SET", "s", "v", "EX", "1");
		run("HSET", "h", "f", "v");
		run("EXPIRE", "h", "1");
		clock.advance(1001);
		expect(integer(0), "EXISTS", "s", "h");
		expect(integer(-2), "TTL", "s");
		expect(new Reply.SimpleString("none"), "TYPE", "h");
		expect(integer(1), "SETNX", "s", "new");
		expect(integer(-1), "TTL", "s");
		expect(Reply.EMPTY_ARRAY, "KEYS", "h*");
	}

	@Test
	void activeCycleReclaimsKeysNobodyReads() {
		for (int i = 0; i < 1000; i++) {
			run("SET", "tmp:" + i, "v", "PX", "100");
		}
		for (int i = 0; i < 10; i++) {
			run("SET", "keep:" + i, "v");
		}
		expect(integer(1010), "DBSIZE");
		clock.advance(200);
		long expired = 0;
		for (int cycle = 0; cycle < 100 && expired < 1000; cycle++) {
			expired += engine.expireCycle();
		}
		assertThat(expired).isEqualTo(1000);
		expect(integer(10), "DBSIZE");
		String info = ((Reply.VerbatimString) run("INFO", "stats")).text();
		assertThat(info).contains("expired_keys:1000");
	}

	@Test
	void backgroundCycleRunsWithoutReads() throws InterruptedException {
		MutableClock manual = new MutableClock();
		try (Engine background = Engine.start(EngineConfig.builder().clock(manual).hz(100).build())) {
			for (int i = 0; i < 500; i++) {
				background.execute("SET", "tmp:" + i, "v", "PX", "10");
			}
			manual.advance(20);
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (System.nanoTime() < deadline && !background.execute("DBSIZE").equals(Reply.integer(0))) {
				Thread.sleep(10);
			}
			assertThat(background.execute("DBSIZE")).isEqualTo(Reply.integer(0));
		}
	}

}
