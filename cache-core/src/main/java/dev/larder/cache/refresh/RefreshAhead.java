package dev.larder.cache.refresh;

import java.util.Locale;

/**
 * When an entry read through a loader is reloaded in the background, before it expires.
 *
 * <ul>
 * <li>{@link Mode#OFF}: never; the entry expires and the next caller loads it.</li>
 * <li>{@link Mode#FRACTION}: once an entry has lived {@code value} of its ttl
 * ({@code 0.8}: the last 20%), the first read schedules a reload.</li>
 * <li>{@link Mode#XFETCH}: probabilistic early expiration (Vattani, Chierichetti and
 * Lowenstein, "Optimal Probabilistic Cache Stampede Prevention", VLDB 2015): a read
 * reloads when {@code now - delta * beta * ln(random()) >= expiry}, where {@code delta}
 * is how long the last load took and {@code beta} is {@code value}. Slow loads start
 * earlier, cheap ones barely before expiry, and the chance grows as expiry nears.</li>
 * </ul>
 *
 * @param mode which rule applies
 * @param value the fraction of the ttl (FRACTION, strictly between 0 and 1) or beta
 * (XFETCH, positive); 0 when OFF
 */
public record RefreshAhead(Mode mode, double value) {

	/** No refresh-ahead. */
	public static final RefreshAhead OFF = new RefreshAhead(Mode.OFF, 0);

	/** XFetch's beta when none is given: the paper's recommended 1. */
	public static final double DEFAULT_BETA = 1.0;

	public RefreshAhead {
		switch (mode) {
			case OFF -> {
				if (value != 0) {
					throw new IllegalArgumentException("refresh-ahead OFF takes no value, got " + value);
				}
			}
			case FRACTION -> {
				if (!(value > 0 && value < 1)) {
					throw new IllegalArgumentException(
							"refresh-ahead must be a fraction of the ttl between 0 and 1 (exclusive), got " + value);
				}
			}
			case XFETCH -> {
				if (!(value > 0) || Double.isInfinite(value)) {
					throw new IllegalArgumentException("xfetch beta must be positive, got " + value);
				}
			}
		}
	}

	/** Reload once an entry has lived this fraction of its ttl. */
	public static RefreshAhead fraction(double fraction) {
		return new RefreshAhead(Mode.FRACTION, fraction);
	}

	/** Probabilistic early expiration with the given beta. */
	public static RefreshAhead xfetch(double beta) {
		return new RefreshAhead(Mode.XFETCH, beta);
	}

	/**
	 * Reads the property form: {@code off} (or empty), a fraction ({@code 0.8}), a
	 * percentage ({@code 80%}), {@code xfetch}, or {@code xfetch:<beta>}
	 * ({@code xfetch:2}).
	 * @throws IllegalArgumentException naming what is accepted
	 */
	public static RefreshAhead parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.isEmpty() || value.equals("off") || value.equals("false") || value.equals("none")) {
			return OFF;
		}
		try {
			if (value.equals("xfetch")) {
				return xfetch(DEFAULT_BETA);
			}
			if (value.startsWith("xfetch:")) {
				return xfetch(Double.parseDouble(value.substring("xfetch:".length()).trim()));
			}
			if (value.endsWith("%")) {
				return fraction(Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100);
			}
			return fraction(Double.parseDouble(value));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a refresh-ahead setting: use a fraction of the ttl "
							+ "such as 0.8 or 80% (reload entries read in the last 20% of their ttl), 'xfetch' or "
							+ "'xfetch:<beta>' for probabilistic early expiration, or 'off'",
					ex);
		}
	}

	public boolean enabled() {
		return this.mode != Mode.OFF;
	}

	/**
	 * Whether an entry still fresh at {@code nowMillis} should be reloaded now.
	 * @param nowMillis the current time
	 * @param expiresAtMillis the entry's logical expiry
	 * @param ttlMillis the ttl the entry was written with
	 * @param loadNanos how long the load that produced the entry took (0 when it was put)
	 * @param random a uniform random number in (0, 1], used by XFETCH
	 */
	public boolean due(long nowMillis, long expiresAtMillis, long ttlMillis, long loadNanos, double random) {
		return switch (this.mode) {
			case OFF -> false;
			case FRACTION -> nowMillis - (expiresAtMillis - ttlMillis) >= Math.round(ttlMillis * this.value);
			case XFETCH -> {
				double deltaMillis = loadNanos / 1_000_000.0;
				yield nowMillis - deltaMillis * this.value * Math.log(random) >= expiresAtMillis;
			}
		};
	}

	@Override
	public String toString() {
		return switch (this.mode) {
			case OFF -> "off";
			case FRACTION -> Double.toString(this.value);
			case XFETCH -> "xfetch:" + this.value;
		};
	}

	/** The rules {@link RefreshAhead} offers. */
	public enum Mode {

		/** Never reload ahead. */
		OFF,

		/** Reload once an entry has lived a fraction of its ttl. */
		FRACTION,

		/** Probabilistic early expiration (XFetch). */
		XFETCH

	}

}
