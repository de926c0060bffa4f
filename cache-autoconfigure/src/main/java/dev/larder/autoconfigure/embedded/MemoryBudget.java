package dev.larder.autoconfigure.embedded;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.unit.DataSize;

/**
 * {@code larder.embedded.max-memory}: a size ({@code 256MB}) or a share of the JVM's max
 * heap ({@code 25%}), resolved to the engine's maxmemory in bytes when the engine starts.
 */
final class MemoryBudget {

	/** Smaller budgets are typos ({@code 25} for 25%, which would be 25 bytes). */
	static final DataSize SMALLEST = DataSize.ofMegabytes(1);

	static final String FORMS = "a size such as 256MB (at least " + SMALLEST.toMegabytes()
			+ "MB, or 0 for no bound) or a share of the JVM's max heap such as 25% (above 0% and at most 100%)";

	private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

	/** A fixed size in bytes, or -1 for a share of the heap. */
	private final long size;

	private final double percent;

	private MemoryBudget(long size, double percent) {
		this.size = size;
		this.percent = percent;
	}

	/**
	 * @throws IllegalArgumentException if the text is neither form, or out of range
	 */
	static MemoryBudget parse(String text) {
		String trimmed = text.trim();
		Matcher share = PERCENT.matcher(trimmed);
		if (share.matches()) {
			double percent = Double.parseDouble(share.group(1));
			if (percent <= 0 || percent > 100) {
				throw new IllegalArgumentException("a share of the heap must be above 0% and at most 100%");
			}
			return new MemoryBudget(-1, percent);
		}
		DataSize size;
		try {
			size = DataSize.parse(trimmed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("neither a size nor a share of the heap", ex);
		}
		if (size.isNegative() || (size.toBytes() > 0 && size.compareTo(SMALLEST) < 0)) {
			throw new IllegalArgumentException("a size must be 0 or at least " + SMALLEST.toMegabytes() + "MB");
		}
		return new MemoryBudget(size.toBytes(), 0);
	}

	/** The budget in bytes for a JVM of this max heap; 0 for no bound. */
	long bytes(long maxHeap) {
		return isShare() ? (long) (maxHeap * (this.percent / 100)) : this.size;
	}

	boolean isShare() {
		return this.size < 0;
	}

	/** For the startup log: {@code 32.0 MB (25% of the 128.0 MB max heap)}. */
	String describe(long maxHeap) {
		String bytes = megabytes(bytes(maxHeap));
		return isShare() ? bytes + " (" + percent() + "% of the " + megabytes(maxHeap) + " max heap)" : bytes;
	}

	private String percent() {
		return (this.percent == Math.rint(this.percent)) ? Long.toString((long) this.percent)
				: Double.toString(this.percent);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}
