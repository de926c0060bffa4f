package dev.larder.cache.conformance;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.testtypes.Product;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a backend that several application instances share (the embedded engine
 * over RESP, Redis, Memcached): what one instance writes, the others read, and a refresh
 * runs once among them. Local backends (Caffeine) are not shared, so they run only
 * {@link CacheConformanceTests}.
 */
public abstract class SharedBackendConformanceTests extends CacheConformanceTests {

	@Test
	void refreshAheadRunsOnceAcrossInstancesSharingTheBackend() throws Exception {
		LarderCacheManager first = manager(refreshAhead(RefreshAhead.fraction(0.5)));
		LarderCacheManager second = manager(refreshAhead(RefreshAhead.fraction(0.5)));
		LarderCache one = first.getCache("refresh-cluster");
		LarderCache two = second.getCache("refresh-cluster");
		one.clear();
		one.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(6));
		AtomicInteger loads = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		java.util.concurrent.Callable<String> loader = () -> {
			loads.incrementAndGet();
			assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
			return "v2";
		};
		assertThat(one.get("k", loader)).isEqualTo("v1");
		assertThat(two.get("k", loader)).isEqualTo("v1");
		// Each instance scheduled a reload; one takes the lock and loads, the other
		// finds the lock taken and ends.
		Eventually.await(WAIT, "one instance gave up", () -> one.refreshesInFlight() + two.refreshesInFlight() == 1);
		release.countDown();
		Eventually.await(WAIT, "the refresh finished",
				() -> one.refreshesInFlight() == 0 && two.refreshesInFlight() == 0);
		assertThat(loads).hasValue(1);
		assertThat(one.get("k", String.class)).isEqualTo("v2");
		assertThat(two.get("k", String.class)).isEqualTo("v2");
		assertThat(one.get("k", loader)).isEqualTo("v2");
	}

	@Test
	void entriesWithAndWithoutExpiryMetadataReadEachOther() {
		LarderCacheManager plain = manager(CacheSettings.defaults().withTtl(TEN_MINUTES));
		LarderCacheManager enveloped = manager(staleIfError());
		LarderCache before = plain.getCache("formats");
		LarderCache after = enveloped.getCache("formats");
		before.clear();
		before.put("plain", new Product(1, "Tea", 3.5));
		after.put("enveloped", new Product(2, "Jam", 4));
		assertThat(after.get("plain", Product.class)).isEqualTo(new Product(1, "Tea", 3.5));
		assertThat(before.get("enveloped", Product.class)).isEqualTo(new Product(2, "Jam", 4));
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(before.get("enveloped")).as("the logical expiry holds for every reader").isNull();
		assertThat(after.<Object>get("enveloped", failingLoader())).isEqualTo(new Product(2, "Jam", 4));
	}

}
