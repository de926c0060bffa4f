package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.larder.cache.structure.lock.LockHandle;

/**
 * One grant: the token the lock key holds while this grant has it, and its fencing token.
 */
final class ScriptedLockHandle implements LockHandle {

	private final String lockName;

	private final String key;

	private final byte[] token;

	private final long fencingToken;

	private final RespCommands commands;

	private final AtomicBoolean closed = new AtomicBoolean();

	ScriptedLockHandle(String lockName, String key, String token, long fencingToken, RespCommands commands) {
		this.lockName = lockName;
		this.key = key;
		this.token = token.getBytes(StandardCharsets.UTF_8);
		this.fencingToken = fencingToken;
		this.commands = commands;
	}

	@Override
	public String lockName() {
		return this.lockName;
	}

	@Override
	public long fencingToken() {
		return this.fencingToken;
	}

	@Override
	public boolean extend(Duration lease) {
		byte[] millis = ScriptedLock.leaseMillis(this.lockName, lease);
		return Replies
			.integer(this.commands.run(LockScripts.EXTEND, List.of(this.key), List.of(this.token, millis))) == 1;
	}

	@Override
	public boolean isHeld() {
		Object holder = this.commands.execute("GET", this.key);
		return holder != null && Arrays.equals(Replies.bytes(holder), this.token);
	}

	@Override
	public boolean release() {
		if (!this.closed.compareAndSet(false, true)) {
			return false;
		}
		return Replies.integer(this.commands.run(LockScripts.RELEASE, List.of(this.key), List.of(this.token))) == 1;
	}

	@Override
	public String toString() {
		return "LockHandle[" + this.lockName + ", fencing token " + this.fencingToken + "]";
	}

}
