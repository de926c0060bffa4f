package dev.larder.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TtlPolicyTests {

	@Test
	void noTtlMeansNoExpiry() {
		assertThat(new TtlPolicy(CacheSettings.defaults()).nextTtl()).isZero();
	}

	@Test
	void withoutJitterEveryEntryGetsTheTtl() {
		TtlPolicy policy = new TtlPolicy(CacheSettings.defaults().withTtl(Duration.ofSeconds(30)));
		assertThat(policy.nextTtl()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void jitterSpreadsTtlsBelowTheConfiguredOne() {
		TtlPolicy policy = new TtlPolicy(CacheSettings.defaults().withTtl(Duration.ofSeconds(100)).withTtlJitter(0.2));
		Duration min = Duration.ofDays(1);
		Duration max = Duration.ZERO;
		for (int i = 0; i < 2000; i++) {
			Duration ttl = policy.nextTtl();
			assertThat(ttl).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(100));
			min = (ttl.compareTo(min) < 0) ? ttl : min;
			max = (ttl.compareTo(max) > 0) ? ttl : max;
		}
		assertThat(max.minus(min)).as("spread of 2000 jittered ttls").isGreaterThan(Duration.ofSeconds(15));
	}

	@Test
	void fullJitterNeverReachesZero() {
		TtlPolicy policy = new TtlPolicy(CacheSettings.defaults().withTtl(Duration.ofMillis(5)).withTtlJitter(1));
		for (int i = 0; i < 1000; i++) {
			assertThat(policy.nextTtl()).isPositive();
		}
	}

	@Test
	void settingsRefuseImpossibleValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> CacheSettings.defaults().withTtl(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> CacheSettings.defaults().withTtlJitter(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> CacheSettings.defaults().withTtlJitter(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> CacheSettings.defaults().withMaxSize(-1));
	}

}
