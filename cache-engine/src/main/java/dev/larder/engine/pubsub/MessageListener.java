package dev.larder.engine.pubsub;

/**
 * Receives the messages of an in-process {@link Subscription}, one at a time and in
 * publishing order per publisher, on a thread of the engine's (never the publisher's).
 */
@FunctionalInterface
public interface MessageListener {

	void onMessage(Message message);

}
