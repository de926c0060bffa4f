package dev.larder.cache.memcached;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.LockWait;
import dev.larder.cache.structure.lock.LockWatchdog;
import dev.larder.cache.structure.lock.Locks;
import org.jspecify.annotations.Nullable;

/**
 * Locks in Memcached, with no clock but the server's.
 *
 * <p>
 * The lock key holds the current grant's random holder id and expires with the lease, so
 * a holder that died frees the lock when its lease runs out. Acquiring is {@code add}
 * (only one caller can create the key); a released lock is not deleted but overwritten
 * with a "free" marker through {@code gets}/{@code cas} (text-protocol {@code delete}
 * cannot be conditional), and acquiring a free marker is again a {@code cas}, which only
 * one contender wins. Extend and release are {@code cas} on the holder's own id, so only
 * the holder can do them.
 *
 * <p>
 * Fencing tokens come from {@code incr} on a separate counter that never expires. The
 * token is drawn after the lock key was written and the grant only counts once a read
 * shows the key still holds this holder's id: so every later grant draws its token after
 * this one, and tokens strictly increase. Should Memcached evict the counter (LRU under
 * memory pressure), it is recreated from the clock ({@code epoch millis × 1000}), above
 * every token it could have issued.
 *
 * <p>
 * Leases have Memcached's granularity: whole seconds, and a server tick may start right
 * after a write, so a lease is stored as its seconds rounded up plus one. A holder keeps
 * the lock at least for its lease; a dead holder blocks others at most about a second
 * beyond it.
 */
final class MemcachedLocks implements Locks {

	static final byte[] FREE = MemcachedCalls.ascii("-");

	/**
	 * How long a "free" marker stays; any value works, it only spares a later
	 * {@code add}.
	 */
	private static final int FREE_MARKER_SECONDS = 60;

	private static final Duration MIN_POLL = Duration.ofMillis(5);

	private static final Duration MAX_POLL = Duration.ofMillis(100);

	private final MemcachedCalls memcached;

	private final StructureKeys keys;

	private final MemcachedExpiry expiry;

	private final LockWatchdog watchdog;

	MemcachedLocks(MemcachedCalls memcached, StructureKeys keys, MemcachedExpiry expiry, LockWatchdog watchdog) {
		this.memcached = memcached;
		this.keys = keys;
		this.expiry = expiry;
		this.watchdog = watchdog;
	}

	@Override
	public DistributedLock lock(String name) {
		return new Lock(name, MemcachedKeys.legal(this.keys.lock(name)),
				MemcachedKeys.legal(this.keys.lockFence(name)));
	}

	int leaseExpiry(Duration lease) {
		if (lease == null || lease.toMillis() < 1) {
			// As on the other backends, though Memcached itself counts whole seconds.
			throw new IllegalArgumentException("A lock lease must be at least 1ms, got " + lease);
		}
		return this.expiry.of(lease.plusSeconds(1));
	}

	private final class Lock implements DistributedLock {

		private final String name;

		private final String key;

		private final String fenceKey;

		Lock(String name, String key, String fenceKey) {
			this.name = name;
			this.key = key;
			this.fenceKey = fenceKey;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Optional<LockHandle> tryAcquire(Duration wait, Duration lease) {
			return acquire(wait, lease, false);
		}

		@Override
		public Optional<LockHandle> tryAcquireWithWatchdog(Duration wait, Duration lease) {
			return acquire(wait, lease, true);
		}

		@Override
		public boolean isLocked() {
			byte[] value = MemcachedLocks.this.memcached.get(this.key);
			return value != null && !isFree(value);
		}

		private Optional<LockHandle> acquire(Duration wait, Duration lease, boolean withWatchdog) {
			// Memcached cannot notify a release: poll.
			LockWait waiting = LockWait.start(this.name, wait, MIN_POLL, MAX_POLL);
			int exp = leaseExpiry(lease);
			while (true) {
				Handle handle = attempt(exp);
				if (handle != null) {
					return Optional.of(withWatchdog
							? MemcachedLocks.this.watchdog.watch(handle, lease, Thread.currentThread()) : handle);
				}
				if (!waiting.pause()) {
					return Optional.empty();
				}
			}
		}

		/**
		 * One try: take the key if absent or free, draw a token, and confirm the key is
		 * still ours.
		 */
		private @Nullable Handle attempt(int exp) {
			MemcachedCalls memcached = MemcachedLocks.this.memcached;
			String holder = UUID.randomUUID().toString();
			byte[] id = MemcachedCalls.ascii(holder);
			if (!memcached.add(this.key, exp, id)) {
				var current = memcached.gets(this.key);
				if (current == null || !isFree(current.getValue())
						|| !memcached.cas(this.key, exp, id, current.getCas())) {
					return null;
				}
			}
			long token = memcached.incr(this.fenceKey, 1, System.currentTimeMillis() * 1000);
			if (!holder.equals(read(this.key))) {
				// The lease ran out before the token was drawn; a later holder may have
				// drawn a smaller one.
				return null;
			}
			return new Handle(this, holder, token);
		}

	}

	private @Nullable String read(String key) {
		byte[] value = this.memcached.get(key);
		return (value != null) ? MemcachedCalls.ascii(value) : null;
	}

	private static boolean isFree(byte[] value) {
		return value.length == 1 && value[0] == FREE[0];
	}

	final class Handle implements LockHandle {

		private final Lock lock;

		private final String holder;

		private final long token;

		private volatile boolean released;

		Handle(Lock lock, String holder, long token) {
			this.lock = lock;
			this.holder = holder;
			this.token = token;
		}

		@Override
		public String lockName() {
			return this.lock.name;
		}

		@Override
		public long fencingToken() {
			return this.token;
		}

		@Override
		public boolean extend(Duration lease) {
			if (this.released) {
				return false;
			}
			return replaceOwn(MemcachedCalls.ascii(this.holder), leaseExpiry(lease));
		}

		@Override
		public boolean isHeld() {
			return !this.released && this.holder.equals(read(this.lock.key));
		}

		@Override
		public boolean release() {
			if (this.released) {
				return false;
			}
			this.released = true;
			return replaceOwn(FREE, FREE_MARKER_SECONDS);
		}

		/**
		 * Writes the lock key if it still holds this holder's id. A lost cas while the id
		 * is still ours means our own watchdog extended meanwhile, so it tries again.
		 */
		private boolean replaceOwn(byte[] value, int exp) {
			MemcachedCalls memcached = MemcachedLocks.this.memcached;
			while (true) {
				var current = memcached.gets(this.lock.key);
				if (current == null || !this.holder.equals(MemcachedCalls.ascii(current.getValue()))) {
					return false;
				}
				if (memcached.cas(this.lock.key, exp, value, current.getCas())) {
					return true;
				}
			}
		}

	}

}
