package dev.larder.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.redis.LettuceConnectors;
import dev.larder.cache.redis.RedisBackend;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The cache managers compared on one redis-server, configured alike: keys
 * {@code <cache>::<key>}, no TTL, nulls cached, values as JSON with type information and
 * a type allow-list of the benchmark's package (Spring Data Redis's
 * {@code GenericJacksonJsonRedisSerializer}, Larder's {@code JsonValueSerializer}), one
 * shared Lettuce connection each.
 */
final class RedisCacheManagers {

	private static final String ALLOWED_PACKAGE = "dev.larder.benchmarks";

	/** Room for every key a benchmark cycles through, so no hit is lost to the bound. */
	static final long NEAR_MAX_SIZE = 100_000;

	private RedisCacheManagers() {
	}

	/** A cache manager and what has to be shut down with it. */
	record Managed(CacheManager cacheManager, Runnable shutdown) {

		void stop() {
			this.shutdown.run();
		}

	}

	/**
	 * @param implementation {@code spring} (Spring Data Redis defaults: clear() with
	 * KEYS), {@code spring-scan} (clear() with SCAN batches of 1000), {@code larder} or
	 * {@code larder_near} (Larder with its near cache, kept exact by {@code CLIENT
	 * TRACKING}; ready once tracking is live)
	 */
	static Managed create(String implementation, int port) {
		return switch (implementation) {
			case "spring" -> spring(port, false);
			case "spring-scan" -> spring(port, true);
			case "larder" -> larder(port, false);
			case "larder_near" -> larder(port, true);
			default -> throw new IllegalArgumentException("Unknown implementation " + implementation);
		};
	}

	private static Managed spring(int port, boolean scan) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		GenericJacksonJsonRedisSerializer serializer = GenericJacksonJsonRedisSerializer.builder()
			.enableSpringCacheNullValueSupport()
			.enableDefaultTyping(BasicPolymorphicTypeValidator.builder()
				.allowIfSubType(ALLOWED_PACKAGE)
				.allowIfSubType("java.")
				.build())
			.build();
		RedisCacheWriter writer = scan
				? RedisCacheWriter.nonLockingRedisCacheWriter(factory, BatchStrategies.scan(1000))
				: RedisCacheWriter.nonLockingRedisCacheWriter(factory);
		RedisCacheManager manager = RedisCacheManager.builder(writer)
			.cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
				.serializeValuesWith(SerializationPair.fromSerializer(serializer)))
			.build();
		manager.afterPropertiesSet();
		return new Managed(manager, factory::destroy);
	}

	private static Managed larder(int port, boolean near) {
		RedisURI uri = RedisURI.builder()
			.withHost("127.0.0.1")
			.withPort(port)
			.withTimeout(Duration.ofSeconds(5))
			.build();
		RedisBackend backend = new RedisBackend(LettuceConnectors.standalone(uri, ClientOptions.create(), null));
		backend.connect();
		LarderCacheManager manager = LarderCacheManager.builder(backend)
			.defaultSettings(CacheSettings.defaults())
			.nearCache(near ? NearCacheSettings.enabledWithDefaults().withMaxSize(NEAR_MAX_SIZE)
					: NearCacheSettings.disabled())
			.serializer(new JsonValueSerializer(TypeAllowList.of(List.of(ALLOWED_PACKAGE))))
			.build();
		if (near) {
			awaitTracking(manager, backend);
		}
		return new Managed(manager, backend::close);
	}

	/**
	 * Creates the caches (each registers its namespace for tracking) and waits until
	 * Redis reports changes, so the trial measures a working near cache.
	 */
	private static void awaitTracking(LarderCacheManager manager, RedisBackend backend) {
		manager.getCache(ProductService.HIT_CACHE);
		manager.getCache(ProductService.MISS_CACHE);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!Objects.requireNonNull(backend.keyInvalidations()).live()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("CLIENT TRACKING did not go live within 10s");
			}
			Thread.onSpinWait();
		}
	}

}
