package dev.larder.cache.structure.annotation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnnotationDurationsTests {

	@Test
	void simpleAndIsoFormsParse() {
		assertThat(AnnotationDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(AnnotationDurations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(AnnotationDurations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
		assertThat(AnnotationDurations.parse(" 2H ")).isEqualTo(Duration.ofHours(2));
		assertThat(AnnotationDurations.parse("1d")).isEqualTo(Duration.ofDays(1));
		assertThat(AnnotationDurations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
		assertThat(AnnotationDurations.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void bareNumbersAndNonsenseAreRefusedWithTheAcceptedForms() {
		for (String bad : new String[] { "60", "", "1 minute", "PT", "-1s" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> AnnotationDurations.parse(bad))
				.withMessageContaining("500ms, 10s, 1m, 1h, 1d or ISO-8601");
		}
	}

}
