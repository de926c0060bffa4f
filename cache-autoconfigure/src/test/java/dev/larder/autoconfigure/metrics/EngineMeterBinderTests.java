package dev.larder.autoconfigure.metrics;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import java.util.concurrent.TimeUnit;

import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded engine's figures as meters, checked against what the engine did. */
class EngineMeterBinderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderCacheMetricsAutoConfiguration.class))
		.withUserConfiguration(EmbeddedEvictionMetricsTests.CachingConfiguration.class)
		.withBean(SimpleMeterRegistry.class);

	@Test
	void theEngineFiguresAreMetersThatFollowWhatItDoes() {
		this.runner.withPropertyValues("larder.embedded.max-memory=64MB").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(EngineMeterBinder.class).bindTo(registry);
			Engine engine = context.getBean(Engine.class);
			double commandsBefore = registry.get("larder.engine.commands").functionCounter().count();
			for (int i = 0; i < 10; i++) {
				engine.execute("SET", "k" + i, "v");
			}
			engine.execute("GET", "k1");
			engine.execute("GET", "absent");
			assertThat(registry.get("larder.engine.commands").functionCounter().count() - commandsBefore).isEqualTo(12);
			assertThat(registry.get("larder.engine.keys").gauge().value()).isEqualTo(10);
			assertThat(registry.get("larder.engine.keyspace.lookups").tag("result", "hit").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get("larder.engine.keyspace.lookups").tag("result", "miss").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get("larder.engine.memory.max").gauge().value()).isEqualTo(64 * 1024 * 1024);
			assertThat(registry.get("larder.engine.memory.used").gauge().value()).isPositive();
			assertThat(registry.get("larder.engine.memory.used").gauge().getId().getBaseUnit()).isEqualTo("bytes");
			assertThat(registry.get("larder.engine.clients").gauge().value()).isZero();
		});
	}

	@Test
	void keysTheEngineRemovesOnItsOwnAreCountedByReason() {
		this.runner.withPropertyValues("larder.embedded.max-memory=1MB").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(EngineMeterBinder.class).bindTo(registry);
			Engine engine = context.getBean(Engine.class);
			String page = "x".repeat(1024);
			for (int i = 0; i < 4_000; i++) {
				engine.execute("SET", "page" + i, page);
			}
			engine.execute("SET", "short", "v", "PX", "1");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!(engine.execute("GET", "short") instanceof Reply.NullReply) && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(registry.get("larder.engine.keys.removed").tag("reason", "evicted").functionCounter().count())
				.isGreaterThan(1_000);
			assertThat(registry.get("larder.engine.keys.removed").tag("reason", "expired").functionCounter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void backendsWithoutAnEngineHaveNoEngineMeters() {
		this.runner.withPropertyValues("larder.backend=caffeine")
			.run((context) -> assertThat(context).doesNotHaveBean(EngineMeterBinder.class));
	}

}
