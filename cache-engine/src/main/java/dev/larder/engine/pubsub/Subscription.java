package dev.larder.engine.pubsub;

import dev.larder.engine.Reply;
import dev.larder.engine.pubsub.ClientSubscriptions.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * An in-process subscriber: a client of the engine's pub/sub that receives through a
 * {@link MessageListener} instead of a connection. Counts in PUBSUB NUMSUB and in
 * PUBLISH's receivers like a connection. Messages wait in a queue bounded by the pubsub
 * class of client-output-buffer-limit: a listener that falls that far behind is
 * unsubscribed from everything (with a log line), as Redis closes such a client.
 * Thread-safe; closing it leaves every channel and pattern.
 */
public final class Subscription implements AutoCloseable {

	private static final System.Logger log = System.getLogger(Subscription.class.getName());

	private final PubSub pubsub;

	private final MessageListener listener;

	private final ClientSubscriptions mine = new ClientSubscriptions();

	private final PushQueue queue;

	private final java.util.function.Consumer<Subscription> onClose;

	private boolean closed;

	Subscription(PubSub pubsub, MessageListener listener, Executor executor, OutputBufferLimits limits,
			LongSupplier clock, String name, java.util.function.Consumer<Subscription> onClose) {
		this.pubsub = pubsub;
		this.onClose = onClose;
		this.listener = listener;
		this.queue = new PushQueue(executor, this::deliver, () -> {
		}, () -> 0, () -> OutputBufferLimits.PUBSUB, limits, clock, this::close, name);
	}

	public synchronized Subscription subscribe(String... channels) {
		return change(Kind.CHANNEL, true, channels);
	}

	public synchronized Subscription psubscribe(String... patterns) {
		return change(Kind.PATTERN, true, patterns);
	}

	public synchronized Subscription unsubscribe(String... channels) {
		return change(Kind.CHANNEL, false, channels);
	}

	public synchronized Subscription punsubscribe(String... patterns) {
		return change(Kind.PATTERN, false, patterns);
	}

	private Subscription change(Kind kind, boolean subscribe, String... names) {
		if (closed) {
			throw new IllegalStateException("subscription closed");
		}
		for (String name : names) {
			byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
			if (subscribe) {
				pubsub.subscribe(mine, queue, kind, bytes);
			}
			else {
				pubsub.unsubscribe(mine, queue, kind, bytes, false);
			}
		}
		return this;
	}

	/** Whether it is still subscribed (not closed, by the caller or by the limit). */
	public synchronized boolean isOpen() {
		return !closed;
	}

	/** Bytes of messages waiting for the listener. */
	public long pendingBytes() {
		return queue.pendingBytes();
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		queue.close();
		pubsub.leaveAll(mine, queue);
		onClose.accept(this);
	}

	/** On the listener's thread: messages go to the listener, confirmations nowhere. */
	private void deliver(Reply frame) {
		if (!(frame instanceof Reply.Push push)) {
			return;
		}
		List<Reply> items = push.items();
		Reply kind = items.get(0);
		Message message;
		if (kind.equals(Frames.PMESSAGE)) {
			message = new Message(bytes(items.get(1)), bytes(items.get(2)), bytes(items.get(3)));
		}
		else if (kind.equals(Frames.MESSAGE) || kind.equals(Frames.SMESSAGE)) {
			message = new Message(null, bytes(items.get(1)), bytes(items.get(2)));
		}
		else {
			return;
		}
		try {
			listener.onMessage(message);
		}
		catch (RuntimeException e) {
			log.log(System.Logger.Level.WARNING, "A pub/sub listener failed on a message of channel "
					+ message.channelAsString() + "; it keeps receiving", e);
		}
	}

	private static byte[] bytes(Reply r) {
		return ((Reply.BulkString) r).value();
	}

}
