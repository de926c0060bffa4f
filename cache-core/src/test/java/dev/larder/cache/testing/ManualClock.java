package dev.larder.cache.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when a test moves it, for rate limiters counted with the client's time. */
public final class ManualClock implements InstantSource {

	private final AtomicReference<Instant> now;

	public ManualClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public ManualClock() {
		this(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

}
