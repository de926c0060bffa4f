package dev.larder.engine.acl;

import dev.larder.engine.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;

/**
 * The ACL log (addACLLogEntry): the newest denials first, a denial like one of the ten
 * newest within a minute folded into it (its count bumped, its client info and time
 * renewed), at most acllog-max-len entries.
 */
final class AclLog {

	static final String REASON_COMMAND = "command";

	static final String REASON_KEY = "key";

	static final String REASON_CHANNEL = "channel";

	static final String REASON_AUTH = "auth";

	/** ACL_LOG_GROUPING_MAX_TIME_DELTA. */
	private static final long GROUPING_MILLIS = 60_000;

	private static final class Entry {

		long count = 1;

		final String reason;

		final String context;

		final String object;

		final String username;

		long millis;

		String clientInfo;

		Entry(String reason, String context, String object, String username, long millis, String clientInfo) {
			this.reason = reason;
			this.context = context;
			this.object = object;
			this.username = username;
			this.millis = millis;
			this.clientInfo = clientInfo;
		}

		boolean matches(Entry e) {
			return reason.equals(e.reason) && context.equals(e.context)
					&& Math.abs(millis - e.millis) <= GROUPING_MILLIS && object.equals(e.object)
					&& username.equals(e.username);
		}

	}

	private final LinkedList<Entry> entries = new LinkedList<>();

	private volatile int maxLen = 128;

	int maxLen() {
		return maxLen;
	}

	synchronized void maxLen(int maxLen) {
		this.maxLen = maxLen;
		trim();
	}

	synchronized void add(String reason, String context, String object, String username, long nowMillis,
			String clientInfo) {
		Entry e = new Entry(reason, context, object, username, nowMillis, clientInfo);
		int toScan = 10;
		for (Iterator<Entry> it = entries.iterator(); toScan-- > 0 && it.hasNext();) {
			Entry current = it.next();
			if (current.matches(e)) {
				it.remove();
				entries.addFirst(current);
				current.clientInfo = clientInfo;
				current.millis = nowMillis;
				current.count++;
				return;
			}
		}
		entries.addFirst(e);
		trim();
	}

	private void trim() {
		while (entries.size() > maxLen) {
			entries.removeLast();
		}
	}

	synchronized void reset() {
		entries.clear();
	}

	/** ACL LOG [count]: the newest {@code count} entries as seven-field maps. */
	synchronized Reply reply(long count, long nowMillis) {
		List<Reply> out = new ArrayList<>();
		for (Entry e : entries) {
			if (out.size() >= count) {
				break;
			}
			out.add(new Reply.MapReply(List.of(Reply.bulk("count"), Reply.integer(e.count), Reply.bulk("reason"),
					Reply.bulk(e.reason), Reply.bulk("context"), Reply.bulk(e.context), Reply.bulk("object"),
					Reply.bulk(e.object), Reply.bulk("username"), Reply.bulk(e.username), Reply.bulk("age-seconds"),
					new Reply.DoubleReply((nowMillis - e.millis) / 1000.0), Reply.bulk("client-info"),
					Reply.bulk(Objects.requireNonNull(e.clientInfo)))));
		}
		return new Reply.ArrayReply(out);
	}

}
