package dev.larder.engine.eviction;

import java.util.function.LongSupplier;

/**
 * How big a lead a new key needs over its victim to win TinyLFU's admission duel, tuned
 * to the workload by trial.
 *
 * <p>
 * The duel is biased towards the newcomer: its estimate has just counted the read that
 * missed, while the victim is the least read of a few sampled keys, many of which are due
 * to be read again soon. Under a working set a little larger than the cache, read in turn
 * (a loop), every key is read equally often, so newcomers keep winning by that one read
 * and push out keys that are about to be asked for: the cache churns where keeping any
 * fixed subset would hit for its whole size (72% against 86% in a replay). Asking for a
 * lead of two reads stops that, but slows the way in for keys that have just become
 * popular (2.7 points fewer hits when a Zipf workload's hot set moves every 300,000
 * requests).
 *
 * <p>
 * So the lead is learned. Reads are cut into periods of about as many reads as the cache
 * holds keys; every {@value #TRIAL_EVERY}th period runs with the other lead, which is
 * kept if that period's hit rate beat the one before by at least
 * {@value #MIN_GAIN_PERCENT} points, and dropped otherwise. This is Caffeine's idea of
 * climbing the hit rate (it sizes its admission window that way) on a setting with two
 * values. The trial that fails costs one period in {@value #TRIAL_EVERY} plus one.
 *
 * <p>
 * Not thread-safe: the evictor calls it under its lock.
 */
final class AdmissionTuner {

	/** Regular periods between two trials of the other lead. */
	static final int TRIAL_EVERY = 8;

	static final double MIN_GAIN_PERCENT = 0.5;

	/** How often the read counters (LongAdders, not free to sum) are looked at. */
	private static final int DUELS_PER_LOOK = 256;

	private static final long MIN_PERIOD_READS = 16_384;

	private final LongSupplier hits;

	private final LongSupplier misses;

	/** The lead a newcomer needs over the victim's estimate beyond a tie: 0 or 1. */
	private int extraLead;

	private boolean trial;

	private int periodsSinceTrial;

	private double lastHitRate;

	private long periodStartHits;

	private long periodStartReads;

	private long periodReads = MIN_PERIOD_READS;

	private int duels;

	AdmissionTuner(LongSupplier hits, LongSupplier misses) {
		this.hits = hits;
		this.misses = misses;
	}

	/** How many more reads than the victim a newcomer needs, beyond one, to win. */
	int extraLead() {
		return extraLead;
	}

	/** Sizes the periods for a cache expected to hold about this many keys. */
	void expectKeys(long keys) {
		periodReads = Math.max(MIN_PERIOD_READS, keys);
	}

	/** Counts a duel; now and then ends a period and acts on its hit rate. */
	void duelled() {
		if (++duels % DUELS_PER_LOOK != 0) {
			return;
		}
		long h = hits.getAsLong();
		long reads = h + misses.getAsLong();
		long n = reads - periodStartReads;
		if (n < 0 || h < periodStartHits) {
			// CONFIG RESETSTAT: start the period over
			periodStartHits = h;
			periodStartReads = reads;
			return;
		}
		if (n >= periodReads) {
			double hitRate = 100.0 * (h - periodStartHits) / n;
			periodStartHits = h;
			periodStartReads = reads;
			periodEnded(hitRate);
		}
	}

	private void periodEnded(double hitRate) {
		if (trial) {
			trial = false;
			periodsSinceTrial = 0;
			if (hitRate >= lastHitRate + MIN_GAIN_PERCENT) {
				lastHitRate = hitRate;
			}
			else {
				extraLead ^= 1;
			}
			return;
		}
		lastHitRate = hitRate;
		if (++periodsSinceTrial >= TRIAL_EVERY) {
			trial = true;
			extraLead ^= 1;
		}
	}

}
