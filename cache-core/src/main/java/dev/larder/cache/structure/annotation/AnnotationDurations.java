package dev.larder.cache.structure.annotation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written in annotations: {@code 500ms}, {@code 10s}, {@code 1m}, {@code 2h},
 * {@code 1d} (as in Spring Boot's properties) or ISO-8601 ({@code PT1M}). A bare number
 * is refused: nobody reading {@code period = "60"} can tell the unit.
 */
final class AnnotationDurations {

	private static final Pattern SIMPLE = Pattern.compile("^([+]?\\d+)\\s*(ns|us|ms|s|m|h|d)$",
			Pattern.CASE_INSENSITIVE);

	private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS, "ms",
			ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d",
			ChronoUnit.DAYS);

	private AnnotationDurations() {
	}

	/**
	 * @throws IllegalArgumentException saying what was expected
	 */
	static Duration parse(String text) {
		String trimmed = text.trim();
		Matcher simple = SIMPLE.matcher(trimmed);
		if (simple.matches()) {
			return Duration.of(Long.parseLong(simple.group(1)), UNITS.get(simple.group(2).toLowerCase()));
		}
		if (trimmed.toUpperCase().startsWith("P")) {
			try {
				return Duration.parse(trimmed);
			}
			catch (DateTimeParseException ex) {
				// fall through to the common message
			}
		}
		throw new IllegalArgumentException(
				"'" + text + "' is not a duration; write it as 500ms, 10s, 1m, 1h, 1d or " + "ISO-8601 (PT1M)");
	}

}
