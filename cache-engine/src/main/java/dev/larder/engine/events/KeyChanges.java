package dev.larder.engine.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place every change to the keyspace is reported to (Redis's signalModifiedKey,
 * signalFlushedDb and notifyKeyspaceEvent), and from which it reaches WATCH, client
 * tracking, in-process listeners and keyspace notifications. Commands call
 * {@link #modified} and {@link #notify} where Redis's do, with Redis's event names, so
 * that every consumer sees exactly the changes Redis would report.
 */
public final class KeyChanges {

	/** notify-keyspace-events flag K: publish on __keyspace@db__:key. */
	public static final int NOTIFY_KEYSPACE = 1 << 0;

	/** E: publish on __keyevent@db__:event. */
	public static final int NOTIFY_KEYEVENT = 1 << 1;

	/** g: DEL, EXPIRE, RENAME, ... */
	public static final int NOTIFY_GENERIC = 1 << 2;

	/** $ */
	public static final int NOTIFY_STRING = 1 << 3;

	/** l */
	public static final int NOTIFY_LIST = 1 << 4;

	/** s */
	public static final int NOTIFY_SET = 1 << 5;

	/** h */
	public static final int NOTIFY_HASH = 1 << 6;

	/** z */
	public static final int NOTIFY_ZSET = 1 << 7;

	/** x */
	public static final int NOTIFY_EXPIRED = 1 << 8;

	/** e */
	public static final int NOTIFY_EVICTED = 1 << 9;

	/** t */
	public static final int NOTIFY_STREAM = 1 << 10;

	/** m: key misses (not part of A). */
	public static final int NOTIFY_KEY_MISS = 1 << 11;

	public static final int NOTIFY_LOADED = 1 << 12;

	/** d */
	public static final int NOTIFY_MODULE = 1 << 13;

	/** n: new keys (not part of A). */
	public static final int NOTIFY_NEW = 1 << 14;

	private static final KeyspaceNotificationSink NO_SINK = (type, event, key, db, flags) -> {
	};

	private final List<KeyChangeListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Whether any listener is registered: read on every write, so kept apart from the
	 * list.
	 */
	private volatile boolean anyListener;

	private volatile int notifyFlags;

	private volatile KeyspaceNotificationSink sink = NO_SINK;

	public void addListener(KeyChangeListener listener) {
		listeners.add(listener);
		anyListener = true;
	}

	public void removeListener(KeyChangeListener listener) {
		listeners.remove(listener);
		anyListener = !listeners.isEmpty();
	}

	/** Whether anything listens to {@link #modified} (lets callers skip the work). */
	public boolean observed() {
		return anyListener;
	}

	/** Redis's signalModifiedKey. */
	public void modified(int db, byte[] key) {
		if (anyListener) {
			for (KeyChangeListener l : listeners) {
				l.keyModified(db, key);
			}
		}
	}

	/** Redis's signalFlushedDb; {@code db} is -1 for every database. */
	public void flushed(int db) {
		if (anyListener) {
			for (KeyChangeListener l : listeners) {
				l.databaseFlushed(db);
			}
		}
	}

	/** SWAPDB's touchAllWatchedKeysInDb pair. */
	public void swapped(int a, int b) {
		if (anyListener) {
			for (KeyChangeListener l : listeners) {
				l.databasesSwapped(a, b);
			}
		}
	}

	/**
	 * Redis's notifyKeyspaceEvent: publishes the event if its class is enabled in
	 * notify-keyspace-events and one of K or E is.
	 */
	public void notify(int type, String event, byte[] key, int db) {
		int flags = notifyFlags;
		if ((flags & type) != 0 && (flags & (NOTIFY_KEYSPACE | NOTIFY_KEYEVENT)) != 0) {
			sink.publish(type, event, key, db, flags);
		}
	}

	/** Whether events of {@code type} are published (to skip building costly ones). */
	public boolean notifying(int type) {
		return (notifyFlags & type) != 0;
	}

	/** notify-keyspace-events' flags, as KeyChanges' NOTIFY constants. */
	public int notifyFlags() {
		return notifyFlags;
	}

	public void notifyFlags(int flags) {
		this.notifyFlags = flags;
	}

	/** Where notifications go now. */
	public KeyspaceNotificationSink sink() {
		return sink;
	}

	/** Where notifications go: the pub/sub layer. */
	public void sink(KeyspaceNotificationSink sink) {
		this.sink = sink;
	}

}
