package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cache an evicted key belongs to, by the namespace it starts with. */
class CacheEvictionRouterTests {

	private final CacheEvictionRouter router = new CacheEvictionRouter();

	private final List<String> products = new ArrayList<>();

	private final List<String> nested = new ArrayList<>();

	@Test
	void aKeyGoesToTheCacheWhoseNamespaceItStartsWith() {
		this.router.route("app:products::", this.products::add);
		this.router.route("app:prices::", (key) -> {
			throw new AssertionError("not a price: " + key);
		});
		evict(0, "app:products::42");
		evict(0, "app:products::a::b");
		assertThat(this.products).containsExactly("app:products::42", "app:products::a::b");
	}

	@Test
	void keysOfNoCacheAndOfOtherDatabasesAreIgnored() {
		this.router.route("products::", this.products::add);
		evict(0, "zset:leaderboard");
		evict(0, "lock:{job}");
		evict(0, "other::1");
		evict(3, "products::1");
		assertThat(this.products).isEmpty();
	}

	@Test
	void aCacheNameMayContainTheSeparator() {
		this.router.route("a::", this.products::add);
		this.router.route("b::c::", this.nested::add);
		evict(0, "b::c::1");
		evict(0, "a::c::1");
		assertThat(this.nested).containsExactly("b::c::1");
		assertThat(this.products).containsExactly("a::c::1");
	}

	@Test
	void twoCachesOverOneNamespaceBothHear() {
		this.router.route("products::", this.products::add);
		this.router.route("products::", this.nested::add);
		evict(0, "products::1");
		assertThat(this.products).containsExactly("products::1");
		assertThat(this.nested).containsExactly("products::1");
	}

	@Test
	void closedItHearsNothing() {
		this.router.route("products::", this.products::add);
		this.router.close();
		evict(0, "products::1");
		assertThat(this.products).isEmpty();
	}

	private void evict(int database, String key) {
		this.router.evicted(database, key.getBytes(StandardCharsets.UTF_8));
	}

}
