package dev.larder.engine.command.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A command's own key-finding procedure (Redis's {@code getkeys_proc}), for COMMAND
 * GETKEYS: used instead of the key specs when they carry
 * {@link KeySpecFlag#VARIABLE_FLAGS} and as a fallback when they cannot find the keys.
 * Redis does not show these procedures in COMMAND INFO; {@link GetKeysProc#numKeys} and
 * {@link GetKeysProc#SET} are those of Redis 7.0's db.c that the engine's commands use.
 */
@FunctionalInterface
public interface GetKeysProc {

	/** setGetKeys: the key's flags depend on whether GET is among the options. */
	GetKeysProc SET = args -> {
		for (int i = 3; i < args.length; i++) {
			byte[] a = args[i];
			if (a.length == 3 && (a[0] | 0x20) == 'g' && (a[1] | 0x20) == 'e' && (a[2] | 0x20) == 't') {
				return List.of(new KeyRef(1, Collections
					.unmodifiableSet(EnumSet.of(KeySpecFlag.RW, KeySpecFlag.ACCESS, KeySpecFlag.UPDATE))));
			}
		}
		return List.of(new KeyRef(1, Collections.unmodifiableSet(EnumSet.of(KeySpecFlag.OW, KeySpecFlag.UPDATE))));
	};

	/**
	 * bitfieldGetKeys: read-only flags while the subcommands are only GETs and OVERFLOWs,
	 * read-write from the first SET or INCRBY, or anything it cannot parse.
	 */
	GetKeysProc BITFIELD = args -> {
		boolean readonly = true;
		for (int i = 2; i < args.length; i++) {
			int remaining = args.length - i - 1;
			String arg = new String(args[i], StandardCharsets.ISO_8859_1);
			if (arg.equalsIgnoreCase("get") && remaining >= 2) {
				i += 2;
			}
			else if (arg.equalsIgnoreCase("overflow") && remaining >= 1) {
				i += 1;
			}
			else {
				// SET and INCRBY write; a syntax error is safer taken as a write
				readonly = false;
				break;
			}
		}
		Set<KeySpecFlag> flags = readonly ? EnumSet.of(KeySpecFlag.RO, KeySpecFlag.ACCESS)
				: EnumSet.of(KeySpecFlag.RW, KeySpecFlag.ACCESS, KeySpecFlag.UPDATE);
		return List.of(new KeyRef(1, Collections.unmodifiableSet(flags)));
	};

	/**
	 * georadiusGetKeys (GEORADIUS, GEORADIUSBYMEMBER): the key, then the key after the
	 * last STORE or STOREDIST from the fifth argument on. Flags are not reported.
	 */
	GetKeysProc GEORADIUS = args -> {
		int storedKey = -1;
		for (int i = 5; i < args.length; i++) {
			String arg = new String(args[i], StandardCharsets.ISO_8859_1);
			if ((arg.equalsIgnoreCase("store") || arg.equalsIgnoreCase("storedist")) && i + 1 < args.length) {
				storedKey = i + 1;
				i++;
			}
		}
		return storedKey == -1 ? List.of(new KeyRef(1, Set.of()))
				: List.of(new KeyRef(1, Set.of()), new KeyRef(storedKey, Set.of()));
	};

	/**
	 * sortGetKeys: the sorted key, then the destination of the last STORE. Options are
	 * scanned as Redis does: LIMIT skips two arguments, GET and BY one, anything else
	 * none, so a STORE hidden in an option's argument is not seen.
	 */
	GetKeysProc SORT = args -> {
		int store = 0;
		for (int i = 2; i < args.length; i++) {
			if (isWord(args[i], "limit")) {
				i += 2;
			}
			else if (isWord(args[i], "get") || isWord(args[i], "by")) {
				i += 1;
			}
			else if (isWord(args[i], "store") && i + 1 < args.length) {
				store = i + 1;
			}
		}
		KeyRef sorted = new KeyRef(1, Collections.unmodifiableSet(EnumSet.of(KeySpecFlag.RO, KeySpecFlag.ACCESS)));
		return store == 0 ? List.of(sorted) : List.of(sorted,
				new KeyRef(store, Collections.unmodifiableSet(EnumSet.of(KeySpecFlag.OW, KeySpecFlag.UPDATE))));
	};

	/** sortROGetKeys: the sorted key alone. */
	GetKeysProc SORT_RO = args -> List
		.of(new KeyRef(1, Collections.unmodifiableSet(EnumSet.of(KeySpecFlag.RO, KeySpecFlag.ACCESS))));

	/** The keys of the command line {@code args} (the command name at 0). */
	List<KeyRef> keys(byte[][] args);

	/**
	 * genericGetKeys: {@code numkeys} keys from {@code firstKeyIndex} (C's atoi reads the
	 * count, so "+1" or "1x" count as 1), then the destination key if
	 * {@code storeKeyIndex} is not 0; no key when the count is below 1 or exceeds the
	 * arguments. Flags are not reported.
	 */
	static GetKeysProc numKeys(int storeKeyIndex, int numKeysIndex, int firstKeyIndex) {
		return args -> {
			int num = atoi(args[numKeysIndex]);
			if (num < 1 || num > args.length - firstKeyIndex) {
				return List.of();
			}
			List<KeyRef> keys = new ArrayList<>(num + 1);
			for (int i = 0; i < num; i++) {
				keys.add(new KeyRef(firstKeyIndex + i, Set.of()));
			}
			if (storeKeyIndex != 0) {
				keys.add(new KeyRef(storeKeyIndex, Set.of()));
			}
			return keys;
		};
	}

	private static boolean isWord(byte[] arg, String lower) {
		int length = 0;
		while (length < arg.length && arg[length] != 0) {
			length++; // strcasecmp stops at a NUL
		}
		if (length != lower.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			int b = arg[i];
			if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lower.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** C's atoi (glibc: strtol saturating, then narrowed to int). */
	private static int atoi(byte[] s) {
		int i = 0;
		while (i < s.length && (s[i] == ' ' || s[i] >= '\t' && s[i] <= '\r')) {
			i++;
		}
		boolean negative = false;
		if (i < s.length && (s[i] == '+' || s[i] == '-')) {
			negative = s[i] == '-';
			i++;
		}
		long value = 0;
		for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
			int digit = s[i] - '0';
			if (value > (Long.MAX_VALUE - digit) / 10) {
				value = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
				return (int) value;
			}
			value = value * 10 + digit;
		}
		return (int) (negative ? -value : value);
	}

}
