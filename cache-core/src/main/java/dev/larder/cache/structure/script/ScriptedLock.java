package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.LockWait;
import dev.larder.cache.structure.lock.LockWatchdog;

/**
 * One named lock. Waiting polls with a jittered, doubling back-off (capped, and never
 * past the holder's remaining lease or the caller's wait): no pub/sub channel is needed,
 * which keeps the lock to plain commands that every backend of the family runs, at the
 * cost of up to one back-off step of latency after a release.
 */
final class ScriptedLock implements DistributedLock {

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(2);

	private static final Duration MAX_BACKOFF = Duration.ofMillis(50);

	private final String name;

	private final String key;

	private final String fenceKey;

	private final RespCommands commands;

	private final LockWatchdog watchdog;

	ScriptedLock(String name, String key, String fenceKey, RespCommands commands, LockWatchdog watchdog) {
		this.name = name;
		this.key = key;
		this.fenceKey = fenceKey;
		this.commands = commands;
		this.watchdog = watchdog;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Optional<LockHandle> tryAcquire(Duration wait, Duration lease) {
		return acquire(wait, lease).map((handle) -> handle);
	}

	@Override
	public Optional<LockHandle> tryAcquireWithWatchdog(Duration wait, Duration lease) {
		return acquire(wait, lease).map((held) -> this.watchdog.watch(held, lease, Thread.currentThread()));
	}

	private Optional<ScriptedLockHandle> acquire(Duration wait, Duration lease) {
		LockWait waiting = LockWait.start(this.name, wait, FIRST_BACKOFF, MAX_BACKOFF);
		byte[] leaseMillis = leaseMillis(this.name, lease);
		String token = UUID.randomUUID().toString();
		List<byte[]> args = List.of(token.getBytes(StandardCharsets.UTF_8), leaseMillis);
		while (true) {
			List<?> reply = Replies
				.list(this.commands.run(LockScripts.ACQUIRE, List.of(this.key, this.fenceKey), args));
			if (Replies.integer(reply.get(0)) == 1) {
				return Optional.of(new ScriptedLockHandle(this.name, this.key, token, Replies.integer(reply.get(1)),
						this.commands));
			}
			Duration holderLeft = Duration.ofMillis(Math.max(1, Replies.integer(reply.get(1))));
			if (!waiting.pause(holderLeft)) {
				return Optional.empty();
			}
		}
	}

	@Override
	public boolean isLocked() {
		return Replies.integer(this.commands.execute("EXISTS", this.key)) > 0;
	}

	static byte[] leaseMillis(String name, Duration lease) {
		if (lease == null || lease.toMillis() < 1) {
			throw new IllegalArgumentException("Lock '" + name + "': the lease must be at least 1ms, got " + lease);
		}
		return Long.toString(lease.toMillis()).getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public String toString() {
		return "DistributedLock[" + this.name + " at " + this.key + "]";
	}

}
