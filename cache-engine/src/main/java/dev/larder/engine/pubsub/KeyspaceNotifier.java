package dev.larder.engine.pubsub;

import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.events.KeyspaceNotificationSink;
import java.nio.charset.StandardCharsets;

/**
 * notify.c's notifyKeyspaceEvent after its class check: {@code __keyspace@<db>__:<key>}
 * with the event as message when K is on, then {@code __keyevent@<db>__:<event>} with the
 * key as message when E is on. Runs on the writer's thread, often holding the key's shard
 * lock: publishing only queues frames, so it never waits on a subscriber.
 */
public final class KeyspaceNotifier implements KeyspaceNotificationSink {

	private static final byte[] KEYSPACE = "__keyspace@".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] KEYEVENT = "__keyevent@".getBytes(StandardCharsets.US_ASCII);

	private final PubSub pubsub;

	public KeyspaceNotifier(PubSub pubsub) {
		this.pubsub = pubsub;
	}

	@Override
	public void publish(int type, String event, byte[] key, int db, int flags) {
		byte[] eventBytes = event.getBytes(StandardCharsets.US_ASCII);
		byte[] dbBytes = Integer.toString(db).getBytes(StandardCharsets.US_ASCII);
		// the key is the caller's buffer: the frames keep copies
		byte[] keyCopy = key.clone();
		if ((flags & KeyChanges.NOTIFY_KEYSPACE) != 0) {
			pubsub.publish(channel(KEYSPACE, dbBytes, keyCopy), eventBytes);
		}
		if ((flags & KeyChanges.NOTIFY_KEYEVENT) != 0) {
			pubsub.publish(channel(KEYEVENT, dbBytes, eventBytes), keyCopy);
		}
	}

	private static byte[] channel(byte[] prefix, byte[] db, byte[] suffix) {
		byte[] out = new byte[prefix.length + db.length + 3 + suffix.length];
		System.arraycopy(prefix, 0, out, 0, prefix.length);
		System.arraycopy(db, 0, out, prefix.length, db.length);
		int at = prefix.length + db.length;
		out[at] = '_';
		out[at + 1] = '_';
		out[at + 2] = ':';
		System.arraycopy(suffix, 0, out, at + 3, suffix.length);
		return out;
	}

}
