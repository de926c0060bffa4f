package dev.larder.engine.pubsub;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client's channels, patterns and shard channels (the client struct's
 * pubsub_channels, pubsub_patterns and pubsubshard_channels). Changed only by the
 * client's own thread; the counts are volatile so CLIENT LIST can read them from another.
 */
public final class ClientSubscriptions {

	private final Set<ChannelName> channels = new LinkedHashSet<>();

	private final Set<ChannelName> patterns = new LinkedHashSet<>();

	private final Set<ChannelName> shardChannels = new LinkedHashSet<>();

	private volatile int channelCount;

	private volatile int patternCount;

	private volatile int shardChannelCount;

	/** CLIENT LIST's sub. */
	public int channels() {
		return channelCount;
	}

	/** CLIENT LIST's psub. */
	public int patterns() {
		return patternCount;
	}

	/** CLIENT LIST's ssub. */
	public int shardChannels() {
		return shardChannelCount;
	}

	/**
	 * Whether the client is in the pub/sub context (Redis's CLIENT_PUBSUB flag): it has
	 * at least one subscription of any kind.
	 */
	public boolean active() {
		return channelCount + patternCount + shardChannelCount > 0;
	}

	/**
	 * clientSubscriptionsCount: channels and patterns, the count (UN)SUBSCRIBE reports.
	 */
	long count() {
		return channelCount + patternCount;
	}

	/** clientShardSubscriptionsCount. */
	long shardCount() {
		return shardChannelCount;
	}

	boolean add(Kind kind, ChannelName name) {
		boolean added = set(kind).add(name);
		recount();
		return added;
	}

	boolean remove(Kind kind, ChannelName name) {
		boolean removed = set(kind).remove(name);
		recount();
		return removed;
	}

	boolean contains(Kind kind, ChannelName name) {
		return set(kind).contains(name);
	}

	/** A copy, in subscription order, to walk while removing. */
	List<ChannelName> all(Kind kind) {
		return new ArrayList<>(set(kind));
	}

	private Set<ChannelName> set(Kind kind) {
		return switch (kind) {
			case CHANNEL -> channels;
			case PATTERN -> patterns;
			case SHARD -> shardChannels;
		};
	}

	private void recount() {
		channelCount = channels.size();
		patternCount = patterns.size();
		shardChannelCount = shardChannels.size();
	}

	/** The three kinds of subscription. */
	enum Kind {

		CHANNEL("subscribe", "unsubscribe"), PATTERN("psubscribe", "punsubscribe"), SHARD("ssubscribe", "sunsubscribe");

		final String subscribed;

		final String unsubscribed;

		Kind(String subscribed, String unsubscribed) {
			this.subscribed = subscribed;
			this.unsubscribed = unsubscribed;
		}

	}

}
