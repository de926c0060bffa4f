package dev.larder.engine.keyspace;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.ReentrantLock;

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

	Shard(int databases) {
		dbs = new DbShard[databases];
		for (int i = 0; i < databases; i++) {
			dbs[i] = new DbShard();
		}
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
