package dev.larder.engine.pubsub;

import dev.larder.engine.Reply;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A {@link Subscriber} that queues frames from any thread and hands them, in order, to
 * one consumer running on an executor of the client's own (a connection's event loop, or
 * an in-process listener's thread), one drain at a time. Pushing never blocks: the frame
 * is queued and a drain scheduled if none is pending; pushed from an event loop, the
 * drain is scheduled when that loop's turn ends ({@link DeferredWakeups}), so a burst of
 * messages costs the client one wake-up and one write.
 *
 * <p>
 * What is queued plus what the consumer has written but the transport not yet sent is the
 * client's pending output; past the client-output-buffer-limit of its class (pubsub while
 * it has subscriptions, normal otherwise) the queue closes, drops what it holds and calls
 * the close action once, instead of letting a client that does not read grow the heap.
 */
public final class PushQueue implements Subscriber {

	private static final System.Logger log = System.getLogger(PushQueue.class.getName());

	private final Queue<Reply> frames = new ConcurrentLinkedQueue<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	/** Pushes not yet seen by a drain; a drain is scheduled when it leaves 0. */
	private final AtomicInteger wip = new AtomicInteger();

	private final OutputBufferGuard guard = new OutputBufferGuard();

	private final Executor executor;

	private final Consumer<Reply> consumer;

	private final Runnable afterDrain;

	private final LongSupplier unsentBytes;

	private final IntSupplier clientClass;

	private final OutputBufferLimits limits;

	private final LongSupplier clock;

	private final Runnable onOverLimit;

	private final String clientName;

	private final Runnable drainTask = this::drain;

	private volatile boolean closed;

	/**
	 * @param executor runs the drains (one at a time, in the order scheduled)
	 * @param consumer takes each frame, on the executor
	 * @param afterDrain runs on the executor after each batch (a flush)
	 * @param unsentBytes bytes the consumer wrote that the transport has not sent
	 * @param clientClass {@link OutputBufferLimits#PUBSUB} or
	 * {@link OutputBufferLimits#NORMAL}
	 * @param limits the limits CONFIG SET leaves
	 * @param clock milliseconds now
	 * @param onOverLimit closes the client (called once, from any thread)
	 * @param clientName names the client in the log line
	 */
	public PushQueue(Executor executor, Consumer<Reply> consumer, Runnable afterDrain, LongSupplier unsentBytes,
			IntSupplier clientClass, OutputBufferLimits limits, LongSupplier clock, Runnable onOverLimit,
			String clientName) {
		this.executor = executor;
		this.consumer = consumer;
		this.afterDrain = afterDrain;
		this.unsentBytes = unsentBytes;
		this.clientClass = clientClass;
		this.limits = limits;
		this.clock = clock;
		this.onOverLimit = onOverLimit;
		this.clientName = clientName;
	}

	@Override
	public boolean push(Reply frame, long bytes) {
		if (closed) {
			return false;
		}
		frames.add(frame);
		long pending = queuedBytes.addAndGet(bytes) + unsentBytes.getAsLong();
		if (guard.exceeded(pending, limits.of(clientClass.getAsInt()), clock.getAsLong())) {
			overLimit(pending);
			return false;
		}
		if (wip.getAndIncrement() == 0 && !DeferredWakeups.defer(this)) {
			schedule();
		}
		return true;
	}

	/** Hands the pending drain to the client's executor (once per 0 to 1 of wip). */
	void schedule() {
		try {
			executor.execute(drainTask);
		}
		catch (RejectedExecutionException e) {
			// the client's executor is shutting down, and the client with it
			close();
		}
	}

	/** Whether frames wait (so a reply about to be written must let them go first). */
	public boolean hasQueued() {
		return !frames.isEmpty();
	}

	/**
	 * Hands every queued frame to the consumer now; only on the executor's thread (the
	 * connection calls it before writing a command's reply, so confirmations pushed by
	 * the command go first).
	 */
	public void drainNow() {
		Reply frame;
		while ((frame = frames.poll()) != null) {
			queuedBytes.addAndGet(-Frames.size(frame));
			if (!closed) {
				consumer.accept(frame);
			}
		}
	}

	private void drain() {
		int missed = 1;
		while (true) {
			drainNow();
			if (!closed) {
				afterDrain.run();
				checkLimit();
			}
			missed = wip.addAndGet(-missed);
			if (missed == 0) {
				return;
			}
		}
	}

	/**
	 * Checks the limit against what is pending now (after the consumer wrote, or when a
	 * write could not be sent at once).
	 */
	public void checkLimit() {
		long pending = pendingBytes();
		if (!closed && guard.exceeded(pending, limits.of(clientClass.getAsInt()), clock.getAsLong())) {
			overLimit(pending);
		}
	}

	private void overLimit(long pending) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
		}
		log.log(System.Logger.Level.WARNING, "Client " + clientName + " scheduled to be closed ASAP for overcoming "
				+ "of output buffer limits (" + pending + " bytes pending).");
		frames.clear();
		queuedBytes.set(0);
		onOverLimit.run();
	}

	@Override
	public long pendingBytes() {
		return queuedBytes.get() + unsentBytes.getAsLong();
	}

	/** Drops what is queued and accepts nothing more (the client is gone). */
	public void close() {
		closed = true;
		frames.clear();
		queuedBytes.set(0);
	}

	public boolean closed() {
		return closed;
	}

}
