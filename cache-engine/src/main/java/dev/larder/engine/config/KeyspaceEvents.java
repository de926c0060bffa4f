package dev.larder.engine.config;

import dev.larder.engine.events.KeyChanges;

/**
 * notify-keyspace-events' flag letters, as notify.c reads and prints them, over
 * {@link KeyChanges}' bits.
 */
final class KeyspaceEvents {

	static final int KEYSPACE = KeyChanges.NOTIFY_KEYSPACE;

	static final int KEYEVENT = KeyChanges.NOTIFY_KEYEVENT;

	static final int GENERIC = KeyChanges.NOTIFY_GENERIC;

	static final int STRING = KeyChanges.NOTIFY_STRING;

	static final int LIST = KeyChanges.NOTIFY_LIST;

	static final int SET = KeyChanges.NOTIFY_SET;

	static final int HASH = KeyChanges.NOTIFY_HASH;

	static final int ZSET = KeyChanges.NOTIFY_ZSET;

	static final int EXPIRED = KeyChanges.NOTIFY_EXPIRED;

	static final int EVICTED = KeyChanges.NOTIFY_EVICTED;

	static final int STREAM = KeyChanges.NOTIFY_STREAM;

	static final int KEY_MISS = KeyChanges.NOTIFY_KEY_MISS;

	static final int LOADED = KeyChanges.NOTIFY_LOADED;

	static final int MODULE = KeyChanges.NOTIFY_MODULE;

	static final int NEW = KeyChanges.NOTIFY_NEW;

	/** 'A': every class but key-miss and new, which must be asked for by name. */
	static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

	private KeyspaceEvents() {
	}

	/** keyspaceEventsStringToFlags: -1 on an unknown letter. */
	static int parse(String classes) {
		int flags = 0;
		for (int i = 0; i < classes.length(); i++) {
			int bit = switch (classes.charAt(i)) {
				case 'A' -> ALL;
				case 'g' -> GENERIC;
				case '$' -> STRING;
				case 'l' -> LIST;
				case 's' -> SET;
				case 'h' -> HASH;
				case 'z' -> ZSET;
				case 'x' -> EXPIRED;
				case 'e' -> EVICTED;
				case 'K' -> KEYSPACE;
				case 'E' -> KEYEVENT;
				case 't' -> STREAM;
				case 'm' -> KEY_MISS;
				case 'd' -> MODULE;
				case 'n' -> NEW;
				default -> -1;
			};
			if (bit < 0) {
				return -1;
			}
			flags |= bit;
		}
		return flags;
	}

	/** keyspaceEventsFlagsToString. */
	static String format(int flags) {
		StringBuilder sb = new StringBuilder();
		if ((flags & ALL) == ALL) {
			sb.append('A');
		}
		else {
			append(sb, flags, GENERIC, 'g');
			append(sb, flags, STRING, '$');
			append(sb, flags, LIST, 'l');
			append(sb, flags, SET, 's');
			append(sb, flags, HASH, 'h');
			append(sb, flags, ZSET, 'z');
			append(sb, flags, EXPIRED, 'x');
			append(sb, flags, EVICTED, 'e');
			append(sb, flags, STREAM, 't');
			append(sb, flags, MODULE, 'd');
			append(sb, flags, NEW, 'n');
		}
		append(sb, flags, KEYSPACE, 'K');
		append(sb, flags, KEYEVENT, 'E');
		append(sb, flags, KEY_MISS, 'm');
		return sb.toString();
	}

	private static void append(StringBuilder sb, int flags, int bit, char letter) {
		if ((flags & bit) != 0) {
			sb.append(letter);
		}
	}

}
