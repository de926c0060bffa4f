package dev.larder.engine.pubsub;

import dev.larder.engine.FatalErrors;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Makes the engine's in-process {@link Subscription}s and owns the daemon threads their
 * listeners run on (started on first use; idle ones end after a minute).
 */
public final class InProcessSubscribers implements AutoCloseable {

	private final PubSub pubsub;

	private final OutputBufferLimits limits;

	private final LongSupplier clock;

	private final AtomicLong ids = new AtomicLong();

	private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService executor;

	public InProcessSubscribers(PubSub pubsub, OutputBufferLimits limits, LongSupplier clock, FatalErrors fatalErrors) {
		// a listener's Error ends its thread (the pool starts another) after being
		// reported
		this.executor = Executors.newCachedThreadPool(fatalErrors.threads("larder-pubsub-listener"));
		this.pubsub = pubsub;
		this.limits = limits;
		this.clock = clock;
	}

	/** A subscription with no channels yet. */
	public Subscription open(MessageListener listener) {
		Subscription s = new Subscription(pubsub, listener, executor, limits, clock,
				"in-process subscription " + ids.incrementAndGet(), open::remove);
		open.add(s);
		return s;
	}

	/** Closes every subscription and stops the listener threads. */
	@Override
	public void close() {
		for (Subscription s : open.toArray(new Subscription[0])) {
			s.close();
		}
		executor.shutdown();
	}

}
