package dev.larder.engine.keyspace;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One lock and the slices of every logical database whose keys hash here. Sharding by key
 * hash across all databases means a command locks the same shard for a key whatever
 * database it addresses (COPY ... DB n).
 */
public final class Shard {

	/** This object and its lock (the lock's queue state, not waiting threads). */
	static final long SHELL = JvmLayout.instance(Shard.class) + JvmLayout.instance(ReentrantLock.class)
			+ JvmLayout.instance(AbstractQueuedSynchronizer.class);

	private final ReentrantLock lock = new ReentrantLock();

	final DbShard[] dbs;

	private final MemoryGauge gauge;

	/**
	 * The highest database that ever had a key here, so that the evictor's sampling
	 * visits only the databases in use (usually database 0 alone). Written under the
	 * lock; read without it as a hint.
	 */
	int highestDb;

	/**
	 * Bytes this shard's slices changed by since they were last folded into the gauge.
	 */
	private long pendingBytes;

	/**
	 * Read frequencies under a TinyLFU policy; null until that policy first needs it.
	 */
	private @Nullable FrequencySketch sketch;

	private final KeyAccess access;

	Shard(int databases, MemoryGauge gauge, KeyAccess access) {
		this.gauge = gauge;
		this.access = access;
		dbs = new DbShard[databases];
		for (int i = 0; i < databases; i++) {
			dbs[i] = new DbShard(this, i);
		}
	}

	/** Adds a slice's change to the gauge, in steps of the gauge's flush size. */
	void account(long delta) {
		long pending = pendingBytes + delta;
		long flush = gauge.flushBytes();
		if (pending >= flush || pending <= -flush) {
			gauge.add(pending);
			pending = 0;
		}
		pendingBytes = pending;
	}

	/** Folds what this shard has not yet added to the gauge; under the shard's lock. */
	void flushPending() {
		gauge.add(pendingBytes);
		pendingBytes = 0;
	}

	/**
	 * Counts a read of a key of this shard in the TinyLFU sketch. At the end of each
	 * sample period the sketch grows if the shard now holds more keys than it was sized
	 * for (so it follows the keyspace as it fills), and ages otherwise.
	 */
	void countRead(int hash) {
		FrequencySketch s = sketch();
		if (s.increment(hash)) {
			long before = s.bytes();
			if (s.ensureCapacity(keyCount())) {
				gauge.add(s.bytes() - before);
			}
			else {
				s.age();
			}
		}
	}

	/** The sketch of this shard's key reads, made on first use (under the lock). */
	FrequencySketch sketch() {
		FrequencySketch s = sketch;
		if (s == null) {
			s = new FrequencySketch();
			s.ensureCapacity(Math.max(keyCount(), access.sketchKeysPerShard()));
			gauge.add(s.bytes());
			sketch = s;
		}
		return s;
	}

	/** What {@link #sketch} holds, read without the lock (for INFO). */
	long sketchBytesRelaxed() {
		FrequencySketch s = sketch;
		return s == null ? 0 : s.bytes();
	}

	/** The number of keys of every database in this shard (under the lock). */
	long keyCount() {
		long n = 0;
		for (DbShard slice : dbs) {
			n += slice.dict.size();
		}
		return n;
	}

	public void lock() {
		lock.lock();
	}

	public void unlock() {
		lock.unlock();
	}

	public boolean isHeldByCurrentThread() {
		return lock.isHeldByCurrentThread();
	}

}
