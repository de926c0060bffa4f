package dev.larder.engine.events;

/**
 * Publishes one keyspace notification on the {@code __keyspace@<db>__:<key>} and
 * {@code __keyevent@<db>__:<event>} channels (notify.c's notifyKeyspaceEvent after its
 * flag checks). Called only for events whose class is enabled in
 * {@code notify-keyspace-events}.
 */
@FunctionalInterface
public interface KeyspaceNotificationSink {

	/**
	 * @param type the event's class, one of {@link KeyChanges}'s NOTIFY constants
	 * @param event Redis's event name ({@code "set"}, {@code "hset"}, {@code "expired"},
	 * ...)
	 * @param key the key, not to be kept (copy it)
	 * @param db the key's database
	 * @param flags the notify-keyspace-events flags in force (which of the two channels
	 * to publish on)
	 */
	void publish(int type, String event, byte[] key, int db, int flags);

}
