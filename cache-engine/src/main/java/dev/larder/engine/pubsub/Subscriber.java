package dev.larder.engine.pubsub;

import dev.larder.engine.Reply;

/**
 * Where out-of-band frames for one client go: pub/sub messages and confirmations today,
 * and the same path suits client-tracking invalidations and MONITOR lines. A RESP
 * connection implements it by queueing the frame and writing it on its own event loop; an
 * in-process subscription hands it to its listener on a thread of its own.
 *
 * <p>
 * {@link #push} is called from any thread (a publisher's event loop, an in-process
 * caller, a script, a writer holding a shard lock), so it must never block and never call
 * back into the engine. Frames pushed by one thread reach the client in the order they
 * were pushed.
 */
public interface Subscriber {

	/**
	 * Queues {@code frame} (usually a {@link Reply.Push}) for the client.
	 * @param frame the frame; shared between subscribers, never modified
	 * @param bytes its RESP size ({@link Frames#size}), counted against the client's
	 * output-buffer limit until written
	 * @return false when the client is gone or being closed and the frame was dropped
	 */
	boolean push(Reply frame, long bytes);

	/** Bytes queued or written but not yet sent to the client (CLIENT LIST's omem). */
	long pendingBytes();

}
