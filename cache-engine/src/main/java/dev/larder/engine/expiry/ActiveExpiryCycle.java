package dev.larder.engine.expiry;

import dev.larder.engine.command.EngineCore;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Reclaims expired keys nobody reads again, like Redis's activeExpireCycle (expire.c): hz
 * times a second, sample a few keys with a TTL per shard, delete the expired ones, and
 * keep sampling a shard while more than the acceptable share of the sample was stale,
 * within a time budget per cycle. Each sample holds the shard lock only for one small
 * batch, so commands are never blocked for long.
 */
public final class ActiveExpiryCycle implements AutoCloseable {

	private final EngineCore core;

	private final int keysPerLoop;

	private final int stalePercent;

	private final int budgetPercent;

	private final ScheduledExecutorService scheduler;

	private int nextDb;

	private int nextShard;

	private volatile boolean closed;

	public ActiveExpiryCycle(EngineCore core) {
		this.core = core;
		this.keysPerLoop = core.config().activeExpireKeysPerLoop();
		this.stalePercent = core.config().activeExpireAcceptableStalePercent();
		this.budgetPercent = core.config().activeExpireCycleBudgetPercent();
		this.scheduler = Executors.newSingleThreadScheduledExecutor(core.fatalErrors().threads("larder-active-expiry"));
	}

	public void start() {
		scheduleNext();
	}

	private void scheduleNext() {
		if (!closed) {
			scheduler.schedule(this::tick, 1000L / core.hz(), TimeUnit.MILLISECONDS);
		}
	}

	private void tick() {
		try {
			long budgetNanos = TimeUnit.MILLISECONDS.toNanos(1000L / core.hz()) * budgetPercent / 100;
			// DEBUG SET-ACTIVE-EXPIRE 0 and DEBUG PAUSE-CRON 1 stop the cycle
			if (core.debug().activeExpire() && !core.debug().cronPaused()) {
				runCycle(System.nanoTime() + budgetNanos);
			}
			core.memory().samplePeak(); // as Redis's serverCron records the peak
		}
		catch (Throwable t) {
			// the next tick is scheduled all the same (unless a standalone engine halts);
			// without this the failure would only be kept in a Future nobody reads
			core.fatalErrors().report("an active expiry cycle (the next one runs on time)", t);
		}
		finally {
			scheduleNext();
		}
	}

	/**
	 * One cycle over every (database, shard) slice, resuming where the last cycle ran out
	 * of time. Returns the number of keys expired. Public so tests can drive it
	 * synchronously.
	 */
	public synchronized long runCycle(long deadlineNanos) {
		Keyspace ks = core.keyspace();
		int slices = ks.databaseCount() * ks.shardCount();
		long expired = 0;
		for (int visited = 0; visited < slices; visited++) {
			if (System.nanoTime() > deadlineNanos || closed) {
				break;
			}
			Database db = ks.db(nextDb);
			int shard = nextShard;
			if (++nextShard == ks.shardCount()) {
				nextShard = 0;
				nextDb = (nextDb + 1) % ks.databaseCount();
			}
			if (db.volatileCountHint(shard) > 0) {
				expired += expireSlice(ks.shard(shard), db, shard, deadlineNanos);
			}
		}
		return expired;
	}

	private long expireSlice(Shard shard, Database db, int index, long deadlineNanos) {
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		long total = 0;
		int sampled;
		int expired;
		do {
			sampled = 0;
			expired = 0;
			shard.lock();
			try {
				long now = core.now();
				int n = Math.min(keysPerLoop, db.volatileCount(index));
				for (int i = 0; i < n; i++) {
					KeyEntry e = db.randomVolatile(index, rnd);
					if (e == null) {
						break;
					}
					sampled++;
					if (e.isExpired(now)) {
						db.removeExpired(e);
						expired++;
					}
				}
			}
			finally {
				shard.unlock();
			}
			total += expired;
		}
		while (sampled > 0 && expired * 100 > sampled * stalePercent && System.nanoTime() < deadlineNanos);
		core.stats().expiredKeys.add(total);
		return total;
	}

	@Override
	public void close() {
		closed = true;
		scheduler.shutdownNow();
		try {
			scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
