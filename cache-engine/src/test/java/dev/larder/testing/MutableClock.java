package dev.larder.testing;

import dev.larder.engine.EngineClock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, so expiry is tested without sleeping. */
public final class MutableClock implements EngineClock {

	private final AtomicLong now;

	public MutableClock(long startMillis) {
		this.now = new AtomicLong(startMillis);
	}

	public MutableClock() {
		this(1_700_000_000_000L);
	}

	@Override
	public long millis() {
		return now.get();
	}

	public void advance(long millis) {
		now.addAndGet(millis);
	}

	public void set(long millis) {
		now.set(millis);
	}

}
