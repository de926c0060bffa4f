package dev.larder.engine.pubsub;

/**
 * One client's check against its output-buffer limit (checkClientOutputBufferLimits in
 * networking.c): over the hard limit it must close at once; over the soft limit it may
 * stay for the soft seconds, counted from the first time it was seen over it, in whole
 * seconds as Redis counts them. Called from any thread that adds output; the races
 * between callers only move the start of the soft period by a check.
 */
final class OutputBufferGuard {

	/** Unix seconds when the client was first seen over the soft limit; 0 when not. */
	private volatile long softSince;

	/** Whether a client holding {@code used} bytes must be closed now. */
	boolean exceeded(long used, OutputBufferLimits.Limit limit, long nowMillis) {
		if (limit.none()) {
			return false;
		}
		if (limit.hard() != 0 && used >= limit.hard()) {
			return true;
		}
		if (limit.soft() != 0 && used >= limit.soft()) {
			long now = nowMillis / 1000;
			long since = softSince;
			if (since == 0) {
				softSince = now;
				return false;
			}
			return now - since > limit.seconds();
		}
		softSince = 0;
		return false;
	}

}
