package dev.larder.cache.caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.StructureSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What is particular to Caffeine: references, size bounds, specs and expiry policies. */
class CaffeineBackendTests {

	private LarderCache cache(CaffeineBackend backend, CacheSettings settings) {
		return LarderCacheManager.builder(backend)
			.defaultSettings(settings)
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.build()
			.getCache("c");
	}

	@SuppressWarnings("unchecked")
	private static Cache<Object, Object> nativeCache(LarderCache cache) {
		return (Cache<Object, Object>) cache.getNativeCache();
	}

	@Test
	void valuesAreStoredByReference() {
		LarderCache cache = cache(new CaffeineBackend(), CacheSettings.defaults());
		List<String> value = new ArrayList<>(List.of("a"));
		cache.put("k", value);
		assertThat(cache.get("k").get()).isSameAs(value);
	}

	@Test
	void storeByValueHandsOutCopies() {
		LarderCache cache = cache(new CaffeineBackend(null, true), CacheSettings.defaults());
		List<String> value = new ArrayList<>(List.of("a"));
		cache.put("k", value);
		assertThat(cache.get("k").get()).isEqualTo(value).isNotSameAs(value);
		assertThat(nativeCache(cache).getIfPresent("k")).isInstanceOf(byte[].class);
	}

	@Test
	void maxSizeBoundsTheCacheAndEvictionsAreCounted() {
		LarderCache cache = cache(new CaffeineBackend(), CacheSettings.defaults().withMaxSize(10));
		for (int i = 0; i < 100; i++) {
			cache.put(i, i);
		}
		nativeCache(cache).cleanUp();
		assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
		assertThat(cache.getStatistics().evictionCount()).isGreaterThanOrEqualTo(90);
	}

	@Test
	void aCachesMaxSizeReplacesTheSpecsBound() {
		LarderCache cache = cache(new CaffeineBackend("maximumSize=5,recordStats", false),
				CacheSettings.defaults().withMaxSize(50));
		assertThat(nativeCache(cache).policy().eviction().orElseThrow().getMaximum()).isEqualTo(50);
		assertThat(nativeCache(cache).policy().isRecordingStats()).isTrue();
	}

	@Test
	void aFixedTtlUsesExpireAfterWriteAndAJitteredOneVariableExpiry() {
		LarderCache fixed = cache(new CaffeineBackend(), CacheSettings.defaults().withTtl(Duration.ofMinutes(1)));
		assertThat(nativeCache(fixed).policy().expireAfterWrite()).isPresent();
		LarderCache jittered = cache(new CaffeineBackend(),
				CacheSettings.defaults().withTtl(Duration.ofMinutes(1)).withTtlJitter(0.5));
		jittered.put("k", "v");
		var expiry = nativeCache(jittered).policy().expireVariably().orElseThrow();
		assertThat(expiry.getExpiresAfter("k").orElseThrow()).isBetween(Duration.ofSeconds(29), Duration.ofMinutes(1));
	}

	@Test
	void aSpecWithItsOwnExpiryAndATtlAreRefusedTogether() {
		CaffeineBackend backend = new CaffeineBackend("expireAfterAccess=5m", false);
		assertThatIllegalStateException()
			.isThrownBy(() -> backend.createStore(dev.larder.cache.backend.StoreContext.of("products", "products::",
					CacheSettings.defaults().withTtl(Duration.ofMinutes(1)))))
			.withMessageContaining("products")
			.withMessageContaining("expireAfterAccess=5m");
	}

	@Test
	void theBuilderCustomizerSeesEachCacheByNameAfterLarderSettings() {
		List<String> seen = new ArrayList<>();
		CaffeineBackend backend = new CaffeineBackend("maximumSize=5", false, StructureSettings.defaults(),
				(name, builder) -> {
					seen.add(name);
					builder.recordStats();
				});
		LarderCache cache = cache(backend, CacheSettings.defaults().withMaxSize(50));
		assertThat(seen).containsExactly("c");
		assertThat(nativeCache(cache).policy().isRecordingStats()).isTrue();
		assertThat(nativeCache(cache).policy().eviction().orElseThrow().getMaximum()).as("Larder's bound, kept")
			.isEqualTo(50);
	}

	@Test
	void aMalformedSpecIsRefusedAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CaffeineBackend("maximumSize=many", false));
	}

}
