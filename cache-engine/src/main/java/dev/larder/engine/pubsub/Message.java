package dev.larder.engine.pubsub;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A message delivered to an in-process {@link Subscription}. The arrays are shared with
 * other subscribers: read them, do not change them.
 *
 * @param pattern the pattern that matched, or null for a channel subscription
 * @param channel the channel it was published on
 * @param message the payload
 */
public record Message(byte @Nullable [] pattern, byte[] channel, byte[] message) {

	public String channelAsString() {
		return new String(channel, StandardCharsets.UTF_8);
	}

	public String messageAsString() {
		return new String(message, StandardCharsets.UTF_8);
	}

	public @Nullable String patternAsString() {
		return pattern == null ? null : new String(pattern, StandardCharsets.UTF_8);
	}

}
