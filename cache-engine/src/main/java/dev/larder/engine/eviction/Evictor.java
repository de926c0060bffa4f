package dev.larder.engine.eviction;

import dev.larder.engine.FatalErrors;
import dev.larder.engine.eviction.EvictionPolicy.Order;
import dev.larder.engine.eviction.EvictionPolicy.Victims;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyAccess;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.EngineStats;
import dev.larder.engine.keyspace.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps used memory under maxmemory the way Redis's performEvictions does: before a
 * command that may grow memory, if used memory is over the budget, it evicts keys chosen
 * by the policy until the excess is freed, and reports failure when nothing can be
 * evicted so that the command is refused with Redis's OOM error if it is flagged denyoom.
 *
 * <p>
 * Victims come from sampling: each round picks a random shard and, under that shard's
 * lock alone, samples maxmemory-samples keys of each database into a pool of the 16 best
 * candidates (Redis's eviction pool); the best is then evicted under its own shard's lock
 * after checking it is still the same key. The evictor holds no shard lock while it takes
 * another, and runs before the command takes its own, so it never takes locks out of
 * order. One command evicts for at most the time maxmemory-eviction-tenacity allows
 * (Redis's formula: 50 microseconds per step up to 10, then 15% more per step, no limit
 * at 100); past it, the rest is evicted by a background thread in slices of the same
 * length, and the command goes on, as Redis's eviction timer does.
 *
 * <p>
 * The TinyLFU policies rank candidates by the read frequency the shard's sketch
 * estimates, then by idle time, and add admission: a write about to create a key when
 * memory is full duels the pool's best victim, and when the new key has been read no more
 * often than the victim, the victim stays and the new key is evicted right after the
 * write. One-off keys (scans, loops larger than the cache) so never push out keys that
 * are read often, which sampled LRU and LFU cannot avoid. How big a lead the new key
 * needs is learned from the hit rate ({@link AdmissionTuner}).
 */
public final class Evictor implements AutoCloseable {

	/** What {@link #makeRoom} found. */
	public enum Outcome {

		/** Under maxmemory (or evicting in the background): run the command. */
		OK,

		/** Over maxmemory and nothing left to evict: refuse denyoom commands. */
		OUT_OF_MEMORY,

		/**
		 * Memory is full and the key the command would create lost the admission duel:
		 * run the command, then {@link #evictRejected evict the key}.
		 */
		REJECT_NEW_KEY

	}

	private final Keyspace keyspace;

	private final EvictionSettings settings;

	private final EngineStats stats;

	private final List<EvictionListener> listeners;

	private final LongSupplier usedMemory;

	private final LongSupplier exactUsedMemory;

	private final ReentrantLock lock = new ReentrantLock();

	private final EvictionPool pool = new EvictionPool();

	private final AdmissionTuner tuner;

	private final SplittableRandom random = new SplittableRandom();

	private int nextRandomDb;

	/** Refreshes the access clock and runs background eviction. */
	private final ScheduledExecutorService timer;

	private final FatalErrors fatalErrors;

	private boolean backgroundQueued;

	private volatile boolean closed;

	public Evictor(Keyspace keyspace, EvictionSettings settings, EngineStats stats, List<EvictionListener> listeners,
			LongSupplier usedMemory, LongSupplier exactUsedMemory, FatalErrors fatalErrors) {
		this.keyspace = keyspace;
		this.settings = settings;
		this.stats = stats;
		this.listeners = listeners;
		this.usedMemory = usedMemory;
		this.exactUsedMemory = exactUsedMemory;
		this.fatalErrors = fatalErrors;
		this.tuner = new AdmissionTuner(stats.keyspaceHits::sum, stats.keyspaceMisses::sum);
		this.timer = Executors.newSingleThreadScheduledExecutor(fatalErrors.threads("larder-evictor"));
		KeyAccess access = keyspace.access();
		timer.scheduleAtFixedRate(surviving(access::refreshClock, fatalErrors), CLOCK_TICK_MILLIS, CLOCK_TICK_MILLIS,
				TimeUnit.MILLISECONDS);
		settings.onChange(this::settingsChanged);
		settingsChanged();
	}

	/**
	 * Runs a task on the evictor's timer after a delay (the engine's one always-running
	 * timer thread, shared with the server cron and CLIENT PAUSE's end); nothing once
	 * closed.
	 */
	public void schedule(Runnable task, long delayMillis) {
		if (!closed) {
			try {
				// reported, not kept in a Future nobody reads
				timer.schedule(fatalErrors.surviving("a scheduled task of the engine", task), Math.max(0, delayMillis),
						TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException e) {
				// closed meanwhile
			}
		}
	}

	/**
	 * Runs a task every {@code periodMillis} on the evictor's timer. A run that throws
	 * (even an Error such as OutOfMemoryError) is logged and the task keeps its schedule:
	 * a scheduled executor would otherwise cancel it without a word, freezing what it
	 * keeps current (the access clock, INFO's instantaneous figures).
	 */
	public void scheduleAtFixedRate(Runnable task, long periodMillis) {
		timer.scheduleAtFixedRate(surviving(task, fatalErrors), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
	}

	static Runnable surviving(Runnable task, FatalErrors fatalErrors) {
		// standalone, an OutOfMemoryError halts the process instead (see FatalErrors)
		return fatalErrors.surviving("a periodic task of the engine (it will run again)", task);
	}

	/** How often the access clock is refreshed: its resolution for LRU. */
	static final long CLOCK_TICK_MILLIS = 10;

	/**
	 * Frees memory before a command that may grow it, as Redis's performEvictions.
	 * @param db the database the command addresses
	 * @param newKey the key a single-key write would create (for TinyLFU admission), or
	 * null
	 */
	public Outcome makeRoom(int db, byte @Nullable [] newKey) {
		long max = settings.maxmemory();
		if (max == 0) {
			return Outcome.OK;
		}
		long excess = usedMemory.getAsLong() - max;
		EvictionPolicy policy = settings.policy();
		if (policy == EvictionPolicy.NOEVICTION) {
			// refusals are exact, as Redis's: the gauge only says when to look closer
			boolean near = excess > -keyspace.gauge().maxError();
			return near && overExactly(max) ? Outcome.OUT_OF_MEMORY : Outcome.OK;
		}
		// TinyLFU duels a new key as soon as the cache may be full: the gauge cannot say
		// exactly when it is, and keys let in unopposed near the budget would push out
		// better ones once it is passed
		// A key never read comes in without a duel (see duel()): for such a key, which
		// is every key of a write-heavy churn, no lock is taken below the budget, as
		// under LRU.
		boolean duel = newKey != null && policy == EvictionPolicy.ALLKEYS_TINYLFU
				&& excess > -keyspace.gauge().maxError() && keyspace.readFrequencyHint(newKey) > 0;
		if (excess <= 0 && !duel) {
			return Outcome.OK;
		}
		List<Evicted> evicted = new ArrayList<>(4);
		Outcome outcome;
		lock.lock();
		try {
			// measured again under the lock: the background evictor may have freed memory
			// while this thread waited, and an excess from before would let the write in
			// once the few keys left covered it, however far over the budget it stays
			excess = usedMemory.getAsLong() - max;
			outcome = evict(policy, excess, db, duel ? newKey : null, timeLimitNanos(settings.tenacity()), evicted,
					true);
		}
		finally {
			lock.unlock();
		}
		notifyListeners(evicted);
		if (outcome == Outcome.OUT_OF_MEMORY && !overExactly(max)) {
			return Outcome.OK;
		}
		return outcome;
	}

	/**
	 * Refusing a write is judged on the exact figure, not the gauge's batched one: a
	 * client that deleted keys to make room must see its next write accepted.
	 */
	private boolean overExactly(long max) {
		return exactUsedMemory.getAsLong() > max;
	}

	/**
	 * Evicts the key a write created after it lost the admission duel
	 * ({@link Outcome#REJECT_NEW_KEY}), if it is still there and, under a volatile
	 * policy, has a TTL. Takes the key's shard lock: the caller holds none.
	 */
	public void evictRejected(int db, byte[] key) {
		Database database = keyspace.db(db);
		Shard shard = keyspace.shard(keyspace.shardIndex(key));
		boolean removed = false;
		shard.lock();
		try {
			KeyEntry e = database.lookupNoTouch(key);
			if (e != null && (settings.policy().victims() == Victims.ALL_KEYS || e.hasExpiry())) {
				database.removeEvicted(e);
				removed = true;
			}
		}
		finally {
			shard.unlock();
		}
		if (removed) {
			stats.evictedKeys.increment();
			notifyListeners(List.of(new Evicted(db, key.clone())));
		}
	}

	/** Evicts under the evictor's lock until {@code excess} bytes are freed. */
	private Outcome evict(EvictionPolicy policy, long excess, int db, byte @Nullable [] newKey, long limitNanos,
			List<Evicted> evicted, boolean foreground) {
		long start = System.nanoTime();
		long freed = 0;
		int keys = 0;
		// volatile-tinylfu cannot duel: whether the new key will have a TTL, and so may
		// be
		// evicted in its stead, is only known after the write
		if (newKey != null && policy == EvictionPolicy.ALLKEYS_TINYLFU) {
			long dueled = duel(db, newKey, excess > 0, evicted);
			if (dueled < 0) {
				return Outcome.REJECT_NEW_KEY;
			}
			freed += dueled;
		}
		while (freed < excess) {
			Victim victim = policy.order() == Order.RANDOM ? randomVictim(policy) : pooledVictim(policy);
			if (victim == null) {
				// as Redis: still over with nothing left to evict, whatever was freed
				return Outcome.OUT_OF_MEMORY;
			}
			long bytes = evict(victim, evicted);
			freed += bytes;
			if (bytes > 0 && (++keys & 15) == 0 && System.nanoTime() - start > limitNanos) {
				if (foreground) {
					startBackground();
				}
				return Outcome.OK;
			}
		}
		return Outcome.OK;
	}

	/**
	 * Evicts the victim if it still stands for its key and records it; the bytes freed, 0
	 * if it had gone.
	 */
	private long evict(Victim victim, List<Evicted> evicted) {
		long bytes = remove(victim);
		if (bytes < 0) {
			return 0;
		}
		record(evicted, victim.db, victim.entry);
		return bytes;
	}

	/**
	 * TinyLFU's admission, in the new key's own shard: its keys are sampled for the least
	 * read (then least recent) one, and the new key is let in only if the sketch says it
	 * was read more often, by the lead the tuner asks for; a key that exists already
	 * always is (the write replaces it). Both estimates come from the same sketch, so
	 * they have aged alike. Returns -1 when the new key lost; otherwise the bytes freed
	 * by evicting the victim when {@code evictVictim}, else 0.
	 */
	private long duel(int db, byte[] key, boolean evictVictim, List<Evicted> evicted) {
		int s = keyspace.shardIndex(key);
		Shard shard = keyspace.shard(s);
		KeyEntry victim = null;
		int victimDb = 0;
		long bytes = 0;
		shard.lock();
		try {
			if (keyspace.db(db).lookupNoTouch(key) != null) {
				return 0;
			}
			int candidate = keyspace.readFrequency(key);
			if (candidate == 0) {
				// never read: written before it is read (a session, a new sorted set),
				// not
				// a cache-aside miss, so it comes in without a duel, and ranks as a
				// victim
				// like any key nobody reads
				return 0;
			}
			long best = -1;
			long now = keyspace.access().recentMillis();
			int samples = settings.samples();
			for (int d = 0; d <= keyspace.highestDb(s); d++) {
				Database database = keyspace.db(d);
				for (int n = Math.min(samples, database.size(s)); n > 0; n--) {
					KeyEntry e = database.random(s, random);
					if (e == null || e.isExpired(now)) {
						continue;
					}
					long score = score(EvictionPolicy.ALLKEYS_TINYLFU, e);
					if (score > best) {
						best = score;
						victim = e;
						victimDb = d;
					}
				}
			}
			if (victim == null) {
				return 0;
			}
			tuner.duelled();
			if (candidate <= frequencyOf(best) + tuner.extraLead()) {
				return -1;
			}
			if (!evictVictim) {
				return 0;
			}
			bytes = Database.memoryUsage(victim);
			keyspace.db(victimDb).removeEvicted(victim);
			stats.evictedKeys.increment();
		}
		finally {
			shard.unlock();
		}
		record(evicted, victimDb, victim);
		return bytes;
	}

	private record Victim(int db, KeyEntry entry, long score) {
	}

	private record Evicted(int db, byte[] key) {
	}

	/**
	 * The best candidate of the pool after one more round of sampling, as Redis does;
	 * null when no key may be evicted. It may have gone since it was sampled:
	 * {@link #remove} checks.
	 */
	private @Nullable Victim pooledVictim(EvictionPolicy policy) {
		populate(policy);
		if (pool.isEmpty()) {
			return null;
		}
		int db = pool.bestDb();
		long score = pool.bestScore();
		return new Victim(db, pool.takeBest(), score);
	}

	/**
	 * One round of sampling into the pool: a random shard that has candidates, and
	 * maxmemory-samples keys of each of its databases. False when no shard has any.
	 */
	private boolean populate(EvictionPolicy policy) {
		boolean volatileOnly = policy.victims() == Victims.KEYS_WITH_TTL;
		int shards = keyspace.shardCount();
		int first = random.nextInt(shards);
		for (int i = 0; i < shards; i++) {
			int s = (first + i) & (shards - 1);
			if (!hasCandidates(s, volatileOnly)) {
				continue;
			}
			sampleShard(policy, s, volatileOnly);
			if (!pool.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private boolean hasCandidates(int shard, boolean volatileOnly) {
		for (int db = 0; db <= keyspace.highestDb(shard); db++) {
			Database d = keyspace.db(db);
			if (volatileOnly ? d.volatileCountHint(shard) > 0 : d.sizeHint(shard) > 0) {
				return true;
			}
		}
		return false;
	}

	private void sampleShard(EvictionPolicy policy, int s, boolean volatileOnly) {
		int samples = settings.samples();
		Shard shard = keyspace.shard(s);
		shard.lock();
		try {
			long now = keyspace.access().recentMillis();
			for (int db = 0; db <= keyspace.highestDb(s); db++) {
				Database d = keyspace.db(db);
				int available = volatileOnly ? d.volatileCount(s) : d.size(s);
				for (int n = Math.min(samples, available); n > 0; n--) {
					KeyEntry e = volatileOnly ? d.randomVolatile(s, random) : d.random(s, random);
					if (e == null || e.isExpired(now)) {
						continue;
					}
					pool.offer(score(policy, e), db, e);
				}
			}
		}
		finally {
			shard.unlock();
		}
	}

	/**
	 * How good a victim the key is, higher is better, as Redis's idle score: idle seconds
	 * for LRU; 255 minus the decayed counter for LFU; the inverse of the expiry for
	 * volatile-ttl; for TinyLFU 15 minus the sketch's frequency in the high bits and the
	 * idle time below, so the least read key goes first and the least recent among
	 * equals.
	 */
	private long score(EvictionPolicy policy, KeyEntry e) {
		KeyAccess access = keyspace.access();
		return switch (policy.order()) {
			// whole seconds, as Redis's LRU clock (LRU_CLOCK_RESOLUTION 1000): a finer
			// clock makes sampled LRU an exact LRU, which scores nothing on a loop a
			// little
			// larger than the cache, where Redis's coarse one evicts nearly at random
			case LRU -> access.idleMillis(e) / 1000;
			case LFU -> 255 - access.lfuCounter(e);
			case TTL -> Long.MAX_VALUE - e.expireAt();
			case TINYLFU ->
				((long) (15 - keyspace.readFrequency(e)) << 40) | Math.min(access.idleMillis(e), (1L << 40) - 1);
			case RANDOM, NONE -> 0;
		};
	}

	private static int frequencyOf(long tinyLfuScore) {
		return 15 - (int) (tinyLfuScore >>> 40);
	}

	/**
	 * A random key of the next database that has candidates (round robin, as Redis's
	 * random policies), from a random shard; null when none has any.
	 */
	private @Nullable Victim randomVictim(EvictionPolicy policy) {
		boolean volatileOnly = policy.victims() == Victims.KEYS_WITH_TTL;
		int shards = keyspace.shardCount();
		for (int tries = 0; tries < keyspace.databaseCount(); tries++) {
			int db = nextRandomDb;
			nextRandomDb = (nextRandomDb + 1) % keyspace.databaseCount();
			Database d = keyspace.db(db);
			int first = random.nextInt(shards);
			for (int i = 0; i < shards; i++) {
				int s = (first + i) & (shards - 1);
				if (volatileOnly ? d.volatileCountHint(s) == 0 : d.sizeHint(s) == 0) {
					continue;
				}
				Shard shard = keyspace.shard(s);
				shard.lock();
				try {
					KeyEntry e = volatileOnly ? d.randomVolatile(s, random) : d.random(s, random);
					if (e != null) {
						return new Victim(db, e, 0);
					}
				}
				finally {
					shard.unlock();
				}
			}
		}
		return null;
	}

	/** Deletes the victim if it still stands for its key; its bytes, or -1 if it went. */
	private long remove(Victim victim) {
		KeyEntry e = victim.entry;
		Shard shard = keyspace.shard(keyspace.shardIndex(e.hash()));
		shard.lock();
		try {
			Database d = keyspace.db(victim.db);
			if (!d.holds(e)) {
				return -1;
			}
			long bytes = Database.memoryUsage(e);
			d.removeEvicted(e);
			stats.evictedKeys.increment();
			return bytes;
		}
		finally {
			shard.unlock();
		}
	}

	/**
	 * Keeps an evicted key for the listeners, if there are any (a copy: they may keep
	 * it).
	 */
	private void record(List<Evicted> evicted, int db, KeyEntry entry) {
		if (!listeners.isEmpty()) {
			evicted.add(new Evicted(db, entry.key().clone()));
		}
	}

	private void notifyListeners(List<Evicted> evicted) {
		if (evicted.isEmpty() || listeners.isEmpty()) {
			return;
		}
		for (Evicted e : evicted) {
			for (EvictionListener listener : listeners) {
				listener.evicted(e.db, e.key);
			}
		}
	}

	/**
	 * Redis's evictionTimeLimitUs: 0-500 microseconds linearly up to tenacity 10, then
	 * 15% more per step, unlimited at 100.
	 */
	static long timeLimitNanos(int tenacity) {
		if (tenacity <= 10) {
			return 50_000L * tenacity;
		}
		if (tenacity < 100) {
			return (long) (500_000.0 * Math.pow(1.15, tenacity - 10.0));
		}
		return Long.MAX_VALUE;
	}

	/**
	 * Follows CONFIG SET: how keys record accesses, the gauge's precision, a lower
	 * budget.
	 */
	private void settingsChanged() {
		EvictionPolicy policy = settings.policy();
		KeyAccess access = keyspace.access();
		access.mode(switch (policy.order()) {
			case LFU -> KeyAccess.Mode.LFU;
			case TINYLFU -> KeyAccess.Mode.TINYLFU;
			default -> KeyAccess.Mode.LRU;
		});
		access.lfuLogFactor(settings.lfuLogFactor());
		access.lfuDecayTime(settings.lfuDecayTime());
		long max = settings.maxmemory();
		// a key and its value rarely take less than 256 bytes with the engine's overhead
		access.expectKeys(max / 256, keyspace.shardCount());
		// within 2% of the budget: shards x flush bytes <= max / 50
		keyspace.gauge().precision(max == 0 ? Long.MAX_VALUE : max / 50, keyspace.shardCount());
		keyspace.syncGauge();
		lock.lock();
		try {
			pool.clear();
			tuner.expectKeys(max / 256);
		}
		finally {
			lock.unlock();
		}
		if (max != 0 && usedMemory.getAsLong() > max && policy != EvictionPolicy.NOEVICTION) {
			startBackground();
		}
	}

	/** Continues evicting on the background thread until under maxmemory. */
	private void startBackground() {
		synchronized (this) {
			if (closed || backgroundQueued) {
				return;
			}
			backgroundQueued = true;
			timer.execute(this::evictInBackground);
		}
	}

	private void evictInBackground() {
		synchronized (this) {
			backgroundQueued = false;
		}
		while (!closed) {
			long max = settings.maxmemory();
			long excess = max == 0 ? 0 : usedMemory.getAsLong() - max;
			EvictionPolicy policy = settings.policy();
			if (excess <= 0 || policy == EvictionPolicy.NOEVICTION) {
				return;
			}
			List<Evicted> evicted = new ArrayList<>();
			Outcome outcome;
			long limit = Math.max(timeLimitNanos(settings.tenacity()), TimeUnit.MICROSECONDS.toNanos(50));
			lock.lock();
			try {
				outcome = evict(policy, excess, 0, null, limit, evicted, false);
			}
			finally {
				lock.unlock();
			}
			notifyListeners(evicted);
			if (outcome == Outcome.OUT_OF_MEMORY) {
				return;
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		timer.shutdownNow();
	}

}
