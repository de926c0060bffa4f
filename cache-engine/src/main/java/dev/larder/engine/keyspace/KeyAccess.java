package dev.larder.engine.keyspace;

import dev.larder.engine.EngineClock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a key's {@link KeyEntry#access} field holds and how an access updates it, as
 * Redis's lookupKey does with an object's {@code lru} field:
 * <ul>
 * <li>by default, the time of the last access in milliseconds since the keyspace started
 * (Redis keeps seconds; the finer clock, refreshed every few milliseconds, lets a sampled
 * LRU tell apart keys touched within the same second). 32 bits wrap after 49 days, so an
 * idle time is right up to that;
 * <li>under an LFU policy, Redis's layout: the minutes of the last decrement in the high
 * 16 bits and a logarithmic counter in the low 8 (LFU_INIT_VAL 5 for a new key, raised
 * with probability 1/((counter-5)*lfu-log-factor+1), lowered by one per lfu-decay-time
 * minutes idle);
 * <li>under a TinyLFU policy, the access time as by default, while the frequency lives in
 * the shard's {@link FrequencySketch}, which also counts reads of keys that are absent.
 * </ul>
 * A policy switch at run time reinterprets the fields, as in Redis, which says that "LRU
 * and LFU data will take some time to adjust".
 */
public final class KeyAccess {

	/** How keys record their accesses; follows maxmemory-policy. */
	public enum Mode {

		LRU, LFU, TINYLFU

	}

	static final int LFU_INIT_VAL = 5;

	private final EngineClock clock;

	private final long epochMillis;

	/**
	 * The clock as last read by {@link #refreshClock()}: reading the system clock costs
	 * tens of nanoseconds, too much for every lookup, so accesses are stamped with this
	 * copy, kept within milliseconds by a timer (as Redis keeps server.lruclock in its
	 * cron).
	 */
	private volatile long cachedMillis;

	private volatile Mode mode = Mode.LRU;

	private volatile int lfuLogFactor = 10;

	private volatile int lfuDecayTime = 1;

	/** What a shard's TinyLFU sketch is first sized for. */
	private volatile long sketchKeysPerShard;

	KeyAccess(EngineClock clock) {
		this.clock = clock;
		this.epochMillis = clock.millis();
		this.cachedMillis = epochMillis;
	}

	/** The clock as last refreshed, in Unix milliseconds: a cheap, slightly late now. */
	public long recentMillis() {
		return cachedMillis;
	}

	/** Reads the clock into the copy accesses are stamped with. */
	public void refreshClock() {
		cachedMillis = clock.millis();
	}

	public Mode mode() {
		return mode;
	}

	public void mode(Mode mode) {
		this.mode = mode;
	}

	public void lfuLogFactor(int factor) {
		this.lfuLogFactor = factor;
	}

	public void lfuDecayTime(int minutes) {
		this.lfuDecayTime = minutes;
	}

	/**
	 * Sizes the TinyLFU sketches made from now on for about {@code keys} keys in all: a
	 * sketch that starts small and grows as keys come blurs what it counted early.
	 */
	public void expectKeys(long keys, int shards) {
		this.sketchKeysPerShard = keys / shards;
	}

	long sketchKeysPerShard() {
		return sketchKeysPerShard;
	}

	/** The access clock now: milliseconds since the keyspace started, wrapping. */
	int lruClock() {
		return (int) (cachedMillis - epochMillis);
	}

	/** Minutes, on 16 bits, as Redis's LFUGetTimeInMinutes. */
	private int lfuMinutes() {
		return (int) ((cachedMillis / 60_000) & 0xFFFF);
	}

	/** The field of a key just created. */
	int initial() {
		return mode == Mode.LFU ? (lfuMinutes() << 8) | LFU_INIT_VAL : lruClock();
	}

	/** Records an access to {@code e}, as Redis's lookupKey without LOOKUP_NOTOUCH. */
	void touch(KeyEntry e) {
		if (mode == Mode.LFU) {
			int counter = logIncrement(decayedCounter(e.access));
			e.access = (lfuMinutes() << 8) | counter;
		}
		else {
			e.access = lruClock();
		}
	}

	/**
	 * objectSetLRUOrLFU for RESTORE: under an LFU policy a given FREQ becomes the key's
	 * counter, under the others a given IDLETIME (seconds) its idle time, which this
	 * engine's millisecond clock holds up to about 24 days (Redis's up to about 194).
	 * Either is -1 when not given.
	 */
	public void restored(KeyEntry e, long lfuFreq, long idleSeconds) {
		if (mode == Mode.LFU) {
			if (lfuFreq >= 0) {
				e.access = (lfuMinutes() << 8) | (int) lfuFreq;
			}
		}
		else if (idleSeconds >= 0) {
			long idleMillis = Math.min(idleSeconds, Integer.MAX_VALUE / 1000) * 1000;
			e.access = lruClock() - (int) idleMillis;
		}
	}

	/** Milliseconds since the key was last accessed (meaningful outside LFU mode). */
	public long idleMillis(KeyEntry e) {
		return Integer.toUnsignedLong(lruClock() - e.access);
	}

	/**
	 * The raw LFU field as Redis keeps it in robj.lru, the last decrement time in minutes
	 * above the 8-bit counter, for DEBUG OBJECT (meaningful in LFU mode).
	 */
	public int lfuField(KeyEntry e) {
		return e.access & 0xFFFFFF;
	}

	/**
	 * The key's LFU counter after the decay its idle minutes call for, as Redis's
	 * LFUDecrAndReturn (meaningful in LFU mode).
	 */
	public int lfuCounter(KeyEntry e) {
		return decayedCounter(e.access);
	}

	private int decayedCounter(int field) {
		int ldt = (field >>> 8) & 0xFFFF;
		int counter = field & 0xFF;
		int decay = lfuDecayTime;
		if (decay == 0) {
			return counter;
		}
		int now = lfuMinutes();
		int elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
		int periods = elapsed / decay;
		return periods >= counter ? 0 : counter - periods;
	}

	private int logIncrement(int counter) {
		if (counter == 255) {
			return 255;
		}
		double base = Math.max(0, counter - LFU_INIT_VAL);
		double p = 1.0 / (base * lfuLogFactor + 1);
		return ThreadLocalRandom.current().nextDouble() < p ? counter + 1 : counter;
	}

}
