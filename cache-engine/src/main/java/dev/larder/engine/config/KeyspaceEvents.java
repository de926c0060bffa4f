package dev.larder.engine.config;

/**
 * notify-keyspace-events' flag letters and bits, as notify.c reads and prints them.
 */
final class KeyspaceEvents {

	static final int KEYSPACE = 1 << 0;

	static final int KEYEVENT = 1 << 1;

	static final int GENERIC = 1 << 2;

	static final int STRING = 1 << 3;

	static final int LIST = 1 << 4;

	static final int SET = 1 << 5;

	static final int HASH = 1 << 6;

	static final int ZSET = 1 << 7;

	static final int EXPIRED = 1 << 8;

	static final int EVICTED = 1 << 9;

	static final int STREAM = 1 << 10;

	static final int KEY_MISS = 1 << 11;

	static final int LOADED = 1 << 12;

	static final int MODULE = 1 << 13;

	static final int NEW = 1 << 14;

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

	/**
	 * Whether Redis would publish anything: a channel kind (K or E) and at least one
	 * event class.
	 */
	static boolean publishes(int flags) {
		return (flags & (KEYSPACE | KEYEVENT)) != 0 && (flags & ~(KEYSPACE | KEYEVENT)) != 0;
	}

	private static void append(StringBuilder sb, int flags, int bit, char letter) {
		if ((flags & bit) != 0) {
			sb.append(letter);
		}
	}

}
