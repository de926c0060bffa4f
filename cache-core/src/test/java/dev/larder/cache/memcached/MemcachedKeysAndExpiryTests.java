package dev.larder.cache.memcached;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemcachedKeysAndExpiryTests {

	@Test
	void legalKeysAreKeptAsTheyAre() {
		assertThat(MemcachedKeys.legal("app:products::42")).isEqualTo("app:products::42");
	}

	@Test
	void longKeysAreHashedKeepingAReadableHead() {
		String key = "products::" + "x".repeat(400);
		String legal = MemcachedKeys.legal(key);
		assertThat(legal.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(250);
		assertThat(legal).startsWith("products::xxxx").contains("#");
		assertThat(MemcachedKeys.legal(key)).isEqualTo(legal);
		assertThat(MemcachedKeys.legal(key + "y")).isNotEqualTo(legal);
	}

	@Test
	void spacesControlCharactersAndNonAsciiAreHashed() {
		String spaced = MemcachedKeys.legal("products::SimpleKey [eu, 7]");
		assertThat(spaced).doesNotContain(" ").startsWith("products::SimpleKey_[eu,_7]#");
		assertThat(MemcachedKeys.legal("products::a\nb")).doesNotContain("\n");
		assertThat(MemcachedKeys.legal("products::a b")).isNotEqualTo(MemcachedKeys.legal("products::a_b"));
		String unicode = MemcachedKeys.legal("products::thé");
		assertThat(unicode.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(250);
	}

	@Test
	void ttlsFollowMemcachedsRules() {
		MemcachedExpiry expiry = new MemcachedExpiry(() -> 1_800_000_000L);
		assertThat(expiry.of(Duration.ZERO)).as("no expiry").isZero();
		assertThat(expiry.of(Duration.ofMillis(1))).as("never rounded to 0 = forever").isEqualTo(1);
		assertThat(expiry.of(Duration.ofMillis(1500))).isEqualTo(2);
		assertThat(expiry.of(Duration.ofMinutes(10))).isEqualTo(600);
		assertThat(expiry.of(Duration.ofDays(30))).as("30 days is still relative").isEqualTo(2_592_000);
		assertThat(expiry.of(Duration.ofDays(31))).as("beyond 30 days: absolute Unix time")
			.isEqualTo(1_800_000_000 + 31 * 86_400);
	}

}
