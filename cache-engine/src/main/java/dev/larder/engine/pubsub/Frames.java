package dev.larder.engine.pubsub;

import dev.larder.engine.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The frames of pub/sub (addReplyPubsubMessage, addReplyPubsubPatMessage,
 * addReplyPubsubSubscribed and addReplyPubsubUnsubscribed in pubsub.c) and their RESP
 * sizes, which count against a subscriber's output-buffer limit.
 */
public final class Frames {

	static final Reply MESSAGE = Reply.bulk("message");

	static final Reply PMESSAGE = Reply.bulk("pmessage");

	static final Reply SMESSAGE = Reply.bulk("smessage");

	private Frames() {
	}

	static Reply.Push message(Reply kind, byte[] channel, byte[] message) {
		return new Reply.Push(List.of(kind, Reply.bulk(channel), Reply.bulk(message)));
	}

	static Reply.Push pmessage(byte[] pattern, byte[] channel, byte[] message) {
		return new Reply.Push(List.of(PMESSAGE, Reply.bulk(pattern), Reply.bulk(channel), Reply.bulk(message)));
	}

	/**
	 * {@code subscribe}, {@code unsubscribe}, ... with the channel (null when there was
	 * none to leave) and the client's count of subscriptions after it.
	 */
	static Reply.Push confirmation(String kind, byte @Nullable [] channel, long count) {
		return new Reply.Push(List.of(Reply.bulk(kind.getBytes(StandardCharsets.US_ASCII)),
				channel == null ? Reply.NULL : Reply.bulk(channel), Reply.integer(count)));
	}

	/**
	 * The frame's size in RESP2 (RESP3 differs by a byte or two at most): what it holds
	 * in the client's output buffer.
	 */
	public static long size(Reply frame) {
		if (frame instanceof Reply.BulkString b) {
			return b.value().length + 5L + digits(b.value().length);
		}
		if (frame instanceof Reply.Push p) {
			return aggregate(p.items());
		}
		if (frame instanceof Reply.Sequence s) {
			return aggregate(s.items()) - 3 - digits(s.items().size());
		}
		if (frame instanceof Reply.ArrayReply a) {
			return aggregate(a.items());
		}
		if (frame instanceof Reply.IntegerReply i) {
			return 3L + digits(Math.abs(i.value()));
		}
		if (frame instanceof Reply.SimpleString s) {
			return 3L + s.value().length();
		}
		if (frame instanceof Reply.ErrorReply e) {
			return 3L + e.message().length();
		}
		return 5;
	}

	private static long aggregate(List<Reply> items) {
		long n = 3L + digits(items.size());
		for (Reply r : items) {
			n += size(r);
		}
		return n;
	}

	private static int digits(long v) {
		int d = 1;
		while (v >= 10) {
			v /= 10;
			d++;
		}
		return d;
	}

}
