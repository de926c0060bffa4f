package dev.larder.engine.command;

import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's memory figures with Redis's meanings, for INFO memory, MEMORY STATS and
 * MEMORY DOCTOR, and for eviction to read.
 *
 * <p>
 * {@code used_memory} is the keyspace's running estimate (see
 * {@link Keyspace#usedBytes()}), plus the keyspace's fixed structure
 * ({@link Keyspace#startupBytes()}, Redis's used_memory_startup) and the input clients
 * have sent but the engine has not run yet (Redis's mem_clients_normal, which Redis
 * counts in used_memory too). It leaves out what the engine cannot count as its own: its
 * code and command table, Netty's buffers, Lua's runtimes, and in an application the
 * application's objects, which share the heap. The JVM's own figures stand in for Redis's
 * allocator and RSS: heap used (live objects and garbage not yet collected) as allocated,
 * heap committed as active, resident and RSS.
 */
public final class EngineMemory {

	private final Keyspace keyspace;

	private final long startup;

	/** Bytes of input RESP connections hold unexecuted, kept by the server. */
	private final AtomicLong queryBuffers = new AtomicLong();

	private final AtomicLong peak = new AtomicLong();

	/**
	 * maxmemory-clients: bytes, or a percentage of maxmemory stored negated; 0 = none.
	 */
	private volatile long maxmemoryClients;

	/** Clients closed by client eviction (INFO stats evicted_clients). */
	private final AtomicLong evictedClients = new AtomicLong();

	EngineMemory(Keyspace keyspace) {
		this.keyspace = keyspace;
		this.startup = keyspace.startupBytes();
	}

	/**
	 * The count of bytes buffered by all RESP connections, input not yet executed and
	 * replies not yet sent, which the server keeps (and bounds, maxmemory-clients) and
	 * which mem_clients_normal reports.
	 */
	public AtomicLong queryBuffers() {
		return queryBuffers;
	}

	public long maxmemoryClients() {
		return maxmemoryClients;
	}

	public void maxmemoryClients(long value) {
		maxmemoryClients = value;
	}

	public AtomicLong evictedClients() {
		return evictedClients;
	}

	/**
	 * Redis's used_memory, without locks (each shard's figure read whole, commands
	 * running meanwhile counted or not); records the peak.
	 */
	public long used() {
		long used = startup + keyspace.usedBytes() + keyspace.sketchBytes() + queryBuffers.get();
		recordPeak(used);
		return used;
	}

	/**
	 * {@link #used()} from the keyspace's {@link dev.larder.engine.keyspace.MemoryGauge}
	 * rather than from every slice: within the gauge's precision, and cheap enough for
	 * every write to compare with maxmemory.
	 */
	public long usedForEviction() {
		return startup + keyspace.gauge().get() + queryBuffers.get();
	}

	/** The largest {@link #used()} seen, by reads and by {@link #samplePeak()}. */
	public long peak() {
		return peak.get();
	}

	/** Reads used memory so that the peak follows it; the engine's cron calls it. */
	public void samplePeak() {
		used();
	}

	private void recordPeak(long used) {
		long p = peak.get();
		while (used > p && !peak.compareAndSet(p, used)) {
			p = peak.get();
		}
	}

	/**
	 * Every figure at once, consistent with each other: each shard is locked in turn to
	 * read its exact totals (so the caller must hold no shard lock).
	 */
	Report report(int cachedScripts) {
		int databases = keyspace.databaseCount();
		long[] keys = new long[databases];
		long[] main = new long[databases];
		long[] expires = new long[databases];
		long slices = 0;
		for (int s = 0; s < keyspace.shardCount(); s++) {
			Shard shard = keyspace.shard(s);
			shard.lock();
			try {
				for (int db = 0; db < databases; db++) {
					var d = keyspace.db(db);
					keys[db] += d.size(s);
					main[db] += d.overheadMain(s);
					expires[db] += d.overheadExpires(s);
					slices += d.usedBytes(s);
				}
			}
			finally {
				shard.unlock();
			}
		}
		List<DbOverhead> dbs = new ArrayList<>();
		long totalKeys = 0;
		long hashtables = 0;
		for (int db = 0; db < databases; db++) {
			if (keys[db] > 0) {
				dbs.add(new DbOverhead(db, main[db], expires[db]));
				totalKeys += keys[db];
				hashtables += main[db] + expires[db];
			}
		}
		long clients = queryBuffers.get();
		long sketches = keyspace.sketchBytes();
		long used = startup + slices + sketches + clients;
		recordPeak(used);
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return new Report(used, peak.get(), startup, clients, startup + clients + sketches + hashtables, totalKeys, dbs,
				heap.getUsed(), heap.getCommitted(), cachedScripts);
	}

	/** One database's share of the overhead, as MEMORY STATS lists it. */
	record DbOverhead(int db, long hashtableMain, long hashtableExpires) {
	}

	/**
	 * The figures of one moment.
	 *
	 * @param used used_memory
	 * @param peak used_memory_peak
	 * @param startup used_memory_startup
	 * @param clientsNormal mem_clients_normal
	 * @param overhead used_memory_overhead: startup, clients, TinyLFU sketches and the
	 * keyspace's entries, tables and TTL arrays
	 * @param keys keys in all databases
	 * @param dbs the databases that have keys
	 * @param heapUsed the JVM's used heap (live and garbage)
	 * @param heapCommitted the heap the JVM holds from the OS
	 * @param cachedScripts scripts in the script cache
	 */
	record Report(long used, long peak, long startup, long clientsNormal, long overhead, long keys,
			List<DbOverhead> dbs, long heapUsed, long heapCommitted, int cachedScripts) {

		/** What keys and values take beyond the overhead: used_memory_dataset. */
		long dataset() {
			return used - overhead;
		}

		/** Used memory above startup (at least 1), the base of Redis's percentages. */
		long netUsage() {
			return Math.max(1, used - startup);
		}

		double datasetPercent() {
			return dataset() * 100.0 / netUsage();
		}

		double peakPercent() {
			return used * 100.0 / Math.max(1, peak);
		}

		/** mem_fragmentation_ratio: the heap the JVM holds per byte the engine uses. */
		double fragmentation() {
			return (double) heapCommitted / Math.max(1, used);
		}

		double allocatorFragmentation() {
			return (double) heapCommitted / Math.max(1, heapUsed);
		}

	}

}
