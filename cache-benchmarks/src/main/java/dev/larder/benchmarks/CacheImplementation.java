package dev.larder.benchmarks;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.caffeine.CaffeineBackend;
import dev.larder.cache.embedded.EmbeddedBackend;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.observation.ObservationCacheObserver;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * The cache managers compared, configured alike: one Caffeine spec, values stored by
 * reference, nulls allowed, caches created on first use.
 */
public enum CacheImplementation {

	/** Spring's own {@code CaffeineCacheManager}: the reference. */
	SPRING {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			CaffeineCacheManager manager = new CaffeineCacheManager();
			manager.setCacheSpecification(caffeineSpec);
			return manager;
		}
	},

	/** Larder's {@code LarderCacheManager} on its Caffeine backend. */
	LARDER {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return LarderCacheManager.builder(new CaffeineBackend(caffeineSpec, false))
				.defaultSettings(CacheSettings.defaults())
				.build();
		}
	},

	/**
	 * Larder on Caffeine with statistics off ({@code larder.statistics=false}): what
	 * Spring's manager does, which records none either.
	 */
	LARDER_NOSTATS {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return LarderCacheManager.builder(new CaffeineBackend(caffeineSpec, false))
				.defaultSettings(CacheSettings.defaults())
				.recordStatistics(false)
				.build();
		}
	},

	/**
	 * Larder on the embedded engine, the default backend: values serialized to JSON and
	 * kept in the engine in this JVM (no socket), so it pays what Caffeine by reference
	 * does not.
	 */
	EMBEDDED {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return LarderCacheManager.builder(new EmbeddedBackend(Engine.start(EngineConfig.defaults()), true))
				.defaultSettings(CacheSettings.defaults())
				.serializer(new JsonValueSerializer(TypeAllowList.of(java.util.List.of("dev.larder.benchmarks"))))
				.build();
		}
	},

	/**
	 * The embedded engine with a near cache in front (the default of
	 * {@code larder.backend=embedded}): a hit is answered from decoded values in this
	 * JVM, kept exact by the engine's change feed.
	 */
	EMBEDDED_NEAR {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return LarderCacheManager.builder(new EmbeddedBackend(Engine.start(EngineConfig.defaults()), true))
				.defaultSettings(CacheSettings.defaults())
				.nearCache(NearCacheSettings.enabledWithDefaults())
				.serializer(new JsonValueSerializer(TypeAllowList.of(java.util.List.of("dev.larder.benchmarks"))))
				.build();
		}
	},

	/**
	 * {@link #EMBEDDED_NEAR} with observations as an application with Actuator gets them
	 * (larder.observations.enabled, the default): loads are observed, hits are not.
	 */
	EMBEDDED_NEAR_OBSERVED {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return observed(false);
		}
	},

	/**
	 * {@link #EMBEDDED_NEAR} with every get observed too
	 * ({@code larder.observations.cache-gets=true}).
	 */
	EMBEDDED_NEAR_OBSERVED_GETS {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return observed(true);
		}
	};

	/**
	 * An embedded manager with a near cache whose observations are recorded as Actuator
	 * records them: a timer per observation in a meter registry.
	 */
	private static CacheManager observed(boolean gets) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		return LarderCacheManager.builder(new EmbeddedBackend(Engine.start(EngineConfig.defaults()), true))
			.defaultSettings(CacheSettings.defaults())
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(new JsonValueSerializer(TypeAllowList.of(java.util.List.of("dev.larder.benchmarks"))))
			.observer(new ObservationCacheObserver(observations, "embedded", gets))
			.build();
	}

	/** The Caffeine spec both managers get. */
	public static final String CAFFEINE_SPEC = "maximumSize=100000";

	abstract CacheManager cacheManager(String caffeineSpec);

	/** Parses a JMH {@code @Param} value, case-insensitively. */
	static CacheImplementation of(String name) {
		return valueOf(name.toUpperCase(java.util.Locale.ROOT));
	}

}
