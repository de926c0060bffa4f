package dev.larder.benchmarks.hitratio;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One contender's outcome on one trace: measured, or skipped with the reason.
 *
 * @param label the contender as the table names it
 * @param hits hits among the counted requests
 * @param requests the counted requests
 * @param entries entries held at the end of the warm-up (DBSIZE, or Caffeine's size)
 * @param full whether the cache had started evicting by the end of the warm-up, so that
 * {@code entries} is what it holds at steady state
 * @param evicted keys evicted over the whole replay, -1 when unknown
 * @param seconds wall-clock time of the replay, warm-up included
 * @param note why the row was skipped, or a warning about the measurement
 */
record Row(String label, long hits, long requests, long entries, boolean full, long evicted, double seconds,
		@Nullable String note) {

	static Row skipped(String label, String why) {
		return new Row(label, 0, 0, -1, false, -1, 0, why);
	}

	boolean measured() {
		return this.requests > 0;
	}

	String markdown() {
		if (!measured()) {
			return "| " + this.label + " | not measured: " + this.note + " | | | |";
		}
		String ratio = String.format(Locale.ROOT, "%.2f %%", 100.0 * this.hits / this.requests);
		if (this.note != null) {
			ratio += " (" + this.note + ")";
		}
		return String.format(Locale.ROOT, "| %s | %s | %,d | %s | %.0f |", this.label, ratio, this.entries,
				(this.evicted < 0) ? "?" : String.format(Locale.ROOT, "%,d", this.evicted), this.seconds);
	}

}
