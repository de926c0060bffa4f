package dev.larder.cache.key;

import dev.larder.cache.testtypes.Product;
import org.junit.jupiter.api.Test;

import org.springframework.cache.interceptor.SimpleKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CacheKeyRendererTests {

	private final CacheKeyRenderer renderer = new CacheKeyRenderer("app:");

	@Test
	void keysReadPrefixCacheAndKey() {
		assertThat(this.renderer.render("products", "42")).isEqualTo("app:products::42");
		assertThat(this.renderer.render("products", 42L)).isEqualTo("app:products::42");
		assertThat(this.renderer.namespace("products")).isEqualTo("app:products::");
		assertThat(new CacheKeyRenderer(null).render("p", "k")).isEqualTo("p::k");
	}

	@Test
	void compositeKeysRenderStably() {
		assertThat(this.renderer.render("c", new SimpleKey("eu", 7))).isEqualTo("app:c::SimpleKey [eu, 7]");
		assertThat(this.renderer.render("c", SimpleKey.EMPTY)).isEqualTo("app:c::SimpleKey []");
		assertThat(this.renderer.render("c", new Product(1, "Tea", 2.5)))
			.isEqualTo("app:c::Product[id=1, name=Tea, price=2.5]");
		assertThat(this.renderer.render("c", new Object[] { "a", 1 })).isEqualTo("app:c::[a, 1]");
	}

	@Test
	void scanPatternsMatchTheNamespaceLiterally() {
		assertThat(CacheKeyRenderer.scanPattern("app:a*b?[c]\\d::")).isEqualTo("app:a\\*b\\?\\[c\\]\\\\d::*");
	}

	@Test
	void keysWithoutAStableStringFormAreRefusedWithTheFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.renderer.render("c", new Object()))
			.withMessageContaining("java.lang.Object")
			.withMessageContaining("toString()");
	}

}
