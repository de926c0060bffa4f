package com.example.consumer;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import io.netty.util.Version;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter, added to a plain Boot application, caches on the embedded backend out of
 * the box, leaves the application on its BOM's Netty, and the engine's RESP port runs on
 * NIO without the native transport jars (which the starter does not bring).
 */
@SpringBootTest(properties = "larder.embedded.port=0")
class ConsumerApplicationTests {

	@Autowired
	private GreetingService greetings;

	@Autowired
	private CacheManager cacheManager;

	@Test
	void theSecondCallIsACacheHitOnTheEmbeddedBackend() {
		assertThat(this.greetings.greet("Ada")).isEqualTo("Hello, Ada");
		assertThat(this.greetings.greet("Ada")).isEqualTo("Hello, Ada");
		assertThat(this.greetings.calls()).isEqualTo(1);
		assertThat(this.cacheManager).isInstanceOf(LarderCacheManager.class);
		LarderCacheManager larder = (LarderCacheManager) this.cacheManager;
		assertThat(larder.nativeClient()).isInstanceOf(Engine.class);
		LarderCache cache = (LarderCache) larder.getCache("greetings");
		assertThat(cache.getStatistics().hitCount()).isEqualTo(1);
		assertThat(cache.getStatistics().missCount()).isEqualTo(1);
	}

	@Test
	void everyNettyArtifactIsTheVersionBootsBomManages() {
		String expected = System.getProperty("boot.netty.version");
		assertThat(expected).isNotBlank();
		assertThat(Version.identify().values()).isNotEmpty()
			.allSatisfy((artifact) -> assertThat(artifact.artifactVersion()).as(artifact.artifactId())
				.isEqualTo(expected));
		assertThat(Version.identify()).containsKeys("netty-transport-classes-epoll", "netty-transport-classes-kqueue")
			.doesNotContainKeys("netty-transport-native-epoll", "netty-transport-native-kqueue");
	}

	@Test
	void theRespServerRunsOnNioWhenNoNativeTransportIsOnTheClasspath() {
		Engine engine = (Engine) ((LarderCacheManager) this.cacheManager).nativeClient();
		assertThat(engine.port()).isPositive();
		Reply info = engine.execute("INFO", "server");
		assertThat(info).isInstanceOfSatisfying(Reply.VerbatimString.class,
				(text) -> assertThat(text.text()).contains("multiplexing_api:nio"));
	}

}
