package dev.larder.engine.pubsub;

import dev.larder.engine.Reply;
import dev.larder.engine.command.GlobMatcher;
import dev.larder.engine.pubsub.ClientSubscriptions.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The server's channels, patterns and shard channels with their subscribers
 * (server.pubsub_channels, pubsub_patterns, pubsubshard_channels). Publishing reads the
 * maps without locks and hands each subscriber a shared frame through
 * {@link Subscriber#push}, which never blocks: a publisher holding a shard lock (a
 * keyspace notification) or on a busy event loop is never held up by a slow subscriber.
 *
 * <p>
 * Order: a confirmation is pushed before the subscription becomes visible to publishers,
 * so no message overtakes its {@code subscribe}; messages from one publisher reach each
 * subscriber in publishing order, since each subscriber's queue is FIFO. A message
 * published while its subscriber unsubscribes may still arrive after the
 * {@code unsubscribe} frame (the publisher had already read the subscriber set).
 */
public final class PubSub {

	private final Map<ChannelName, Set<Subscriber>> channels = new ConcurrentHashMap<>();

	private final Map<ChannelName, Set<Subscriber>> patterns = new ConcurrentHashMap<>();

	private final Map<ChannelName, Set<Subscriber>> shardChannels = new ConcurrentHashMap<>();

	private Map<ChannelName, Set<Subscriber>> map(Kind kind) {
		return switch (kind) {
			case CHANNEL -> channels;
			case PATTERN -> patterns;
			case SHARD -> shardChannels;
		};
	}

	/** Told of one subscription by {@link #subscriptionsOf}. */
	@FunctionalInterface
	public interface SubscriptionVisitor {

		/** A channel or shard channel ({@code pattern} false), or a pattern. */
		void visit(Subscriber subscriber, byte[] name, boolean pattern);

	}

	/**
	 * The subscriptions of {@code subscribers}, read from the shared tables so that any
	 * thread may ask (ACL SETUSER checks a user's subscribed clients against the channels
	 * it keeps).
	 */
	public void subscriptionsOf(Set<Subscriber> subscribers, SubscriptionVisitor visitor) {
		for (Kind kind : Kind.values()) {
			map(kind).forEach((name, set) -> {
				for (Subscriber s : set) {
					if (subscribers.contains(s)) {
						visitor.visit(s, name.bytes(), kind == Kind.PATTERN);
					}
				}
			});
		}
	}

	/** pubsubSubscribeChannel / pubsubSubscribePattern / the shard variant. */
	void subscribe(ClientSubscriptions mine, Subscriber subscriber, Kind kind, byte[] name) {
		subscribe(mine, subscriber, subscriber, kind, name);
	}

	/**
	 * As {@link #subscribe(ClientSubscriptions, Subscriber, Kind, byte[])}, the
	 * confirmation going to {@code confirmations} (EXEC's reply) rather than pushed.
	 */
	void subscribe(ClientSubscriptions mine, Subscriber subscriber, Subscriber confirmations, Kind kind, byte[] name) {
		ChannelName key = new ChannelName(name);
		boolean added = mine.add(kind, key);
		push(confirmations, Frames.confirmation(kind.subscribed, name, count(mine, kind)));
		if (added) {
			map(kind).compute(key, (k, set) -> {
				Set<Subscriber> s = set == null ? ConcurrentHashMap.newKeySet() : set;
				s.add(subscriber);
				return s;
			});
		}
	}

	/** pubsubUnsubscribeChannel and friends; {@code notify} is false for RESET. */
	void unsubscribe(ClientSubscriptions mine, Subscriber subscriber, Kind kind, byte[] name, boolean notify) {
		unsubscribe(mine, subscriber, subscriber, kind, name, notify);
	}

	/**
	 * Unsubscribes {@code subscriber}, the confirmation going to {@code confirmations}.
	 */
	void unsubscribe(ClientSubscriptions mine, Subscriber subscriber, Subscriber confirmations, Kind kind, byte[] name,
			boolean notify) {
		ChannelName key = new ChannelName(name);
		if (mine.contains(kind, key)) {
			leave(kind, key, subscriber);
			mine.remove(kind, key);
		}
		if (notify) {
			push(confirmations, Frames.confirmation(kind.unsubscribed, name, count(mine, kind)));
		}
	}

	/**
	 * pubsubUnsubscribeAllChannels and friends: one frame per subscription left, or one
	 * with a null channel when there was none.
	 */
	void unsubscribeAll(ClientSubscriptions mine, Subscriber subscriber, Kind kind, boolean notify) {
		unsubscribeAll(mine, subscriber, subscriber, kind, notify);
	}

	/**
	 * Unsubscribes {@code subscriber} from all, confirmations to {@code confirmations}.
	 */
	void unsubscribeAll(ClientSubscriptions mine, Subscriber subscriber, Subscriber confirmations, Kind kind,
			boolean notify) {
		List<ChannelName> all = mine.all(kind);
		for (ChannelName name : all) {
			unsubscribe(mine, subscriber, confirmations, kind, name.bytes(), notify);
		}
		if (notify && all.isEmpty()) {
			push(confirmations, Frames.confirmation(kind.unsubscribed, null, count(mine, kind)));
		}
	}

	/**
	 * Leaves every subscription without a word (RESET, a closed connection, a closed
	 * in-process subscription).
	 */
	public void leaveAll(ClientSubscriptions mine, Subscriber subscriber) {
		for (Kind kind : Kind.values()) {
			unsubscribeAll(mine, subscriber, kind, false);
		}
	}

	private void leave(Kind kind, ChannelName key, Subscriber subscriber) {
		map(kind).computeIfPresent(key, (k, set) -> {
			set.remove(subscriber);
			return set.isEmpty() ? null : set;
		});
	}

	private static long count(ClientSubscriptions mine, Kind kind) {
		return kind == Kind.SHARD ? mine.shardCount() : mine.count();
	}

	private static void push(Subscriber subscriber, Reply.Push frame) {
		subscriber.push(frame, Frames.size(frame));
	}

	/**
	 * pubsubPublishMessage: to the channel's subscribers, then to every matching
	 * pattern's.
	 * @return the number of clients that received it (a client counted once per matching
	 * subscription)
	 */
	public int publish(byte[] channel, byte[] message) {
		int receivers = 0;
		Set<Subscriber> direct = channels.get(new ChannelName(channel));
		if (direct != null) {
			receivers += deliver(direct, Frames.message(Frames.MESSAGE, channel, message));
		}
		if (!patterns.isEmpty()) {
			for (Map.Entry<ChannelName, Set<Subscriber>> e : patterns.entrySet()) {
				byte[] pattern = e.getKey().bytes();
				if (GlobMatcher.matches(pattern, channel)) {
					receivers += deliver(e.getValue(), Frames.pmessage(pattern, channel, message));
				}
			}
		}
		return receivers;
	}

	/** SPUBLISH: shard channel subscribers only, no patterns. */
	public int publishShard(byte[] channel, byte[] message) {
		Set<Subscriber> direct = shardChannels.get(new ChannelName(channel));
		return direct == null ? 0 : deliver(direct, Frames.message(Frames.SMESSAGE, channel, message));
	}

	private static int deliver(Set<Subscriber> subscribers, Reply.Push frame) {
		long size = Frames.size(frame);
		int n = 0;
		for (Subscriber s : subscribers) {
			s.push(frame, size);
			n++;
		}
		return n;
	}

	/** PUBSUB CHANNELS / SHARDCHANNELS: active channels matching the pattern. */
	List<byte[]> channels(boolean shard, byte @Nullable [] pattern) {
		List<byte[]> out = new ArrayList<>();
		for (ChannelName name : (shard ? shardChannels : channels).keySet()) {
			if (pattern == null || GlobMatcher.matches(pattern, name.bytes())) {
				out.add(name.bytes());
			}
		}
		return out;
	}

	/** PUBSUB NUMSUB / SHARDNUMSUB of one channel. */
	int subscribers(boolean shard, byte[] channel) {
		Set<Subscriber> set = (shard ? shardChannels : channels).get(new ChannelName(channel));
		return set == null ? 0 : set.size();
	}

	/** INFO stats' pubsub_channels: channels with a subscriber. */
	public int channelCount() {
		return channels.size();
	}

	/** INFO stats' pubsubshard_channels. */
	public int shardChannelCount() {
		return shardChannels.size();
	}

	/** PUBSUB NUMPAT: distinct patterns with a subscriber (Redis 7.0 counts patterns). */
	public int patternCount() {
		return patterns.size();
	}

}
