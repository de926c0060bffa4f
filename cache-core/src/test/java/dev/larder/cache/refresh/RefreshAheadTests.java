package dev.larder.cache.refresh;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefreshAheadTests {

	private static final long TTL = 10_000;

	private static final long EXPIRY = 100_000;

	@Test
	void parsesFractionsPercentagesXfetchAndOff() {
		assertThat(RefreshAhead.parse("0.8")).isEqualTo(RefreshAhead.fraction(0.8));
		assertThat(RefreshAhead.parse(" 80% ")).isEqualTo(RefreshAhead.fraction(0.8));
		assertThat(RefreshAhead.parse("xfetch")).isEqualTo(RefreshAhead.xfetch(1.0));
		assertThat(RefreshAhead.parse("XFetch:2.5")).isEqualTo(RefreshAhead.xfetch(2.5));
		assertThat(RefreshAhead.parse("off")).isEqualTo(RefreshAhead.OFF);
		assertThat(RefreshAhead.parse("")).isEqualTo(RefreshAhead.OFF);
	}

	@Test
	void refusesWhatItCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> RefreshAhead.parse("1.5"))
			.withMessageContaining("0.8 or 80%");
		assertThatIllegalArgumentException().isThrownBy(() -> RefreshAhead.parse("100%"));
		assertThatIllegalArgumentException().isThrownBy(() -> RefreshAhead.parse("0"));
		assertThatIllegalArgumentException().isThrownBy(() -> RefreshAhead.parse("soon"));
		assertThatIllegalArgumentException().isThrownBy(() -> RefreshAhead.parse("xfetch:-1"));
	}

	@Test
	void fractionIsDueOnceTheEntryHasLivedThatShareOfItsTtl() {
		RefreshAhead refreshAhead = RefreshAhead.fraction(0.8);
		long written = EXPIRY - TTL;
		assertThat(refreshAhead.due(written + 7_999, EXPIRY, TTL, 0, 0.5)).isFalse();
		assertThat(refreshAhead.due(written + 8_000, EXPIRY, TTL, 0, 0.5)).isTrue();
		assertThat(refreshAhead.due(EXPIRY - 1, EXPIRY, TTL, 0, 0.5)).isTrue();
	}

	@Test
	void xfetchStartsEarlierForSlowLoadsAndLuckyDraws() {
		RefreshAhead xfetch = RefreshAhead.xfetch(1.0);
		long load = TimeUnit.SECONDS.toNanos(1);
		// -ln(0.5) = 0.69: a 1 s load refreshes within the last 0.69 s.
		assertThat(xfetch.due(EXPIRY - 700, EXPIRY, TTL, load, 0.5)).isFalse();
		assertThat(xfetch.due(EXPIRY - 690, EXPIRY, TTL, load, 0.5)).isTrue();
		// A draw near 0 makes the gap large: -ln(0.001) = 6.9.
		assertThat(xfetch.due(EXPIRY - 6_000, EXPIRY, TTL, load, 0.001)).isTrue();
		// A load ten times slower starts ten times earlier.
		assertThat(xfetch.due(EXPIRY - 6_000, EXPIRY, TTL, load * 10, 0.5)).isTrue();
		// A larger beta starts earlier too.
		assertThat(RefreshAhead.xfetch(10).due(EXPIRY - 6_000, EXPIRY, TTL, load, 0.5)).isTrue();
		// A draw of 1 never refreshes early.
		assertThat(xfetch.due(EXPIRY - 1, EXPIRY, TTL, load, 1.0)).isFalse();
	}

	@Test
	void offIsNeverDue() {
		assertThat(RefreshAhead.OFF.due(EXPIRY - 1, EXPIRY, TTL, Long.MAX_VALUE, 0.0001)).isFalse();
		assertThat(RefreshAhead.OFF.enabled()).isFalse();
	}

}
