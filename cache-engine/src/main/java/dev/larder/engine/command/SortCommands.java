package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.GenericCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.ListValue;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.ValueType;
import dev.larder.engine.keyspace.ZSetValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * SORT and SORT_RO, a port of Redis 7.0's sort.c (BSD-licensed, Copyright (c) 2009-2012
 * Salvatore Sanfilippo): the options parsed in Redis's order and with its errors, LIMIT
 * clamped to the value's size, numeric weights read by C's strtod, ALPHA compared as
 * strcoll does in the C locale (bytes, up to a NUL) except with STORE, where Redis
 * compares whole strings; BY and GET patterns; BY without {@code *} keeping a list's or
 * sorted set's own order; STORE writing a list, or deleting the destination for an empty
 * result.
 *
 * <h2>Keys the arguments do not name</h2> BY and GET patterns read keys made from the
 * sorted value's elements, known only once that value is read. Such a call is bound with
 * {@link CommandTable#bindReadingUndeclaredKeys}: the executor (and EXEC) lock every
 * shard in ascending order for it, the global lock order, so it cannot deadlock and reads
 * the other keys as atomically as Redis does. A script holds only its declared keys'
 * shards and cannot take more (out of order): there a pattern key in another shard fails
 * the call with the error a script gets for an undeclared key, as Redis Cluster refuses
 * BY and GET patterns.
 *
 * <h2>Not reproduced</h2> Redis tests {@code errno == ERANGE} after strtod without
 * clearing errno first, so one overflowing weight makes later numeric SORTs of
 * non-integers fail on the same connection's event loop until a system call overwrites
 * errno; here each weight is judged alone. A set sorted BY a constant, neither stored nor
 * in a script, comes in the engine's hash-table order, as Redis's comes in its own.
 */
final class SortCommands {

	static final String CONVERSION_ERROR = "ERR One or more scores can't be converted into double";

	private SortCommands() {
	}

	static void register(CommandTable t) {
		t.bindReadingUndeclaredKeys(GenericCommandSpecs.SORT, c -> sort(c, false),
				args -> readsPatternKeys(args, false));
		t.bindReadingUndeclaredKeys(GenericCommandSpecs.SORT_RO, c -> sort(c, true),
				args -> readsPatternKeys(args, true));
	}

	/** The parsed options of one call. */
	private static final class Options {

		boolean desc;

		boolean alpha;

		long limitStart;

		long limitCount = -1;

		boolean dontSort;

		byte @Nullable [] sortBy;

		byte @Nullable [] storeKey;

		final List<byte[]> gets = new ArrayList<>();

	}

	/** A parse error, or the ACL denial met while parsing. */
	private static final class ParseError extends Exception {

		private static final long serialVersionUID = 1L;

		final String message;

		ParseError(String message) {
			super(message, null, false, false);
			this.message = message;
		}

	}

	/** Whether the user may read any key, asked when BY or GET first needs it. */
	@FunctionalInterface
	private interface KeyAccess {

		boolean unrestricted();

	}

	/**
	 * sortCommandGeneric's option loop: the first error wins, in argument order,
	 * including the ACL check of a BY pattern or a GET.
	 */
	private static Options parse(byte[][] args, boolean readonly, KeyAccess access) throws ParseError {
		Options o = new Options();
		for (int j = 2; j < args.length; j++) {
			int left = args.length - j - 1;
			byte[] a = args[j];
			if (is(a, "asc")) {
				o.desc = false;
			}
			else if (is(a, "desc")) {
				o.desc = true;
			}
			else if (is(a, "alpha")) {
				o.alpha = true;
			}
			else if (is(a, "limit") && left >= 2) {
				Long start = dev.larder.engine.keyspace.Bytes.parseLong(args[j + 1]);
				Long count = start == null ? null : dev.larder.engine.keyspace.Bytes.parseLong(args[j + 2]);
				if (start == null || count == null) {
					throw new ParseError(Errors.NOT_INTEGER);
				}
				o.limitStart = start;
				o.limitCount = count;
				j += 2;
			}
			else if (!readonly && is(a, "store") && left >= 1) {
				o.storeKey = args[j + 1];
				j++;
			}
			else if (is(a, "by") && left >= 1) {
				o.sortBy = args[j + 1];
				if (indexOf(args[j + 1], Strtod.cLength(args[j + 1]), '*', 0) < 0) {
					o.dontSort = true;
				}
				else if (!access.unrestricted()) {
					throw new ParseError("ERR BY option of SORT denied due to insufficient ACL permissions.");
				}
				j++;
			}
			else if (is(a, "get") && left >= 1) {
				if (!access.unrestricted()) {
					throw new ParseError("ERR GET option of SORT denied due to insufficient ACL permissions.");
				}
				o.gets.add(args[j + 1]);
				j++;
			}
			else {
				throw new ParseError(Errors.SYNTAX);
			}
		}
		return o;
	}

	/**
	 * Whether a call may read keys through a BY or GET pattern: those the executor must
	 * lock every shard for. Judged on the options as the handler will parse them (an
	 * error ends the call before any pattern is read).
	 */
	static boolean readsPatternKeys(byte[][] args, boolean readonly) {
		Options o;
		try {
			o = parse(args, readonly, () -> true);
		}
		catch (ParseError e) {
			return false;
		}
		if (o.sortBy != null && !o.dontSort) {
			return true;
		}
		for (byte[] get : o.gets) {
			if (!isHash(get) && indexOf(get, Strtod.cLength(get), '*', 0) >= 0) {
				return true;
			}
		}
		return false;
	}

	/** One element of the value to sort, with its weight (redisSortObject). */
	private static final class Item {

		final byte[] obj;

		double score;

		byte @Nullable [] cmpObj;

		Item(byte[] obj) {
			this.obj = obj;
		}

	}

	private static Reply sort(CommandContext c, boolean readonly) {
		byte[][] args = c.args;
		Options o;
		try {
			o = parse(args, readonly, () -> unrestrictedKeyRead(c));
		}
		catch (ParseError e) {
			return Reply.error(e.message);
		}
		KeyEntry e = c.db().lookupRead(args[1]);
		ValueType type = e == null ? ValueType.LIST : ValueType.of(e.value());
		if (type != ValueType.LIST && type != ValueType.SET && type != ValueType.ZSET) {
			return Reply.error(Errors.WRONGTYPE);
		}
		boolean alpha = o.alpha;
		boolean dontSort = o.dontSort;
		byte @Nullable [] sortBy = o.sortBy;
		// a set has no order of its own: one that is stored or goes to a script is
		// sorted, so that replicas and scripts see the same result
		if (dontSort && type == ValueType.SET && (o.storeKey != null || c.session.script())) {
			dontSort = false;
			alpha = true;
			sortBy = null;
		}
		ListValue list = e == null ? new ListValue() : type == ValueType.LIST ? e.asList() : null;
		SetValue set = e != null && type == ValueType.SET ? e.asSet() : null;
		ZSetValue zset = e != null && type == ValueType.ZSET ? e.asZSet() : null;
		if (zset != null) {
			zset.convertToSkiplistEncoding(); // zsetConvert, for good, as Redis does
		}
		int vectorLen = list != null ? list.size() : set != null ? set.size() : zset != null ? zset.size() : 0;
		long start = Math.min(Math.max(o.limitStart, 0), vectorLen);
		long limitCount = Math.min(Math.max(o.limitCount, -1), vectorLen);
		long end = limitCount < 0 ? vectorLen - 1 : start + limitCount - 1;
		if (start >= vectorLen) {
			start = vectorLen - 1;
			end = vectorLen - 2;
		}
		if (end >= vectorLen) {
			end = vectorLen - 1;
		}
		if (set == null && dontSort && (start != 0 || end != vectorLen - 1)) {
			vectorLen = (int) (end - start + 1);
		}
		Item[] vector = new Item[vectorLen];
		int j = 0;
		if (list != null && dontSort) {
			// the list's own order, read from the LIMIT range, backwards for DESC
			if (end >= start) {
				int size = list.size();
				long from = o.desc ? size - start - 1 : start;
				for (long i = from; j < vectorLen && i >= 0 && i < size; i += o.desc ? -1 : 1) {
					vector[j++] = new Item(list.get((int) i));
				}
				end -= start;
				start = 0;
			}
		}
		else if (list != null) {
			for (int i = 0; i < list.size(); i++) {
				vector[j++] = new Item(list.get(i));
			}
		}
		else if (set != null) {
			for (byte[] m : set.members()) {
				vector[j++] = new Item(m);
			}
		}
		else if (zset != null && dontSort) {
			// the sorted set's own order, from the LIMIT range, backwards for DESC
			long size = zset.size();
			ZSetValue.Node ln = o.desc ? (start > 0 ? zset.byRank(size - start - 1) : zset.last())
					: (start > 0 ? zset.byRank(start) : zset.first());
			for (int left = vectorLen; left > 0 && ln != null; left--) {
				vector[j++] = new Item(ln.member());
				ln = o.desc ? ln.prev() : ln.next();
			}
			end -= start;
			start = 0;
		}
		else if (zset != null) {
			int[] at = { 0 };
			zset.forEach(n -> vector[at[0]++] = new Item(n.member()));
		}
		boolean conversionError = false;
		if (!dontSort) {
			for (Item item : vector) {
				byte[] byVal;
				if (sortBy != null) {
					byVal = lookupByPattern(c, sortBy, item.obj);
					if (byVal == null) {
						continue;
					}
				}
				else {
					byVal = item.obj;
				}
				if (alpha) {
					if (sortBy != null) {
						item.cmpObj = byVal;
					}
				}
				else {
					Strtod d = Strtod.parse(byVal);
					item.score = d.value;
					if (!d.convertsWhole(byVal)) {
						conversionError = true;
					}
				}
			}
			// with a NaN weight the order is meaningless, and the reply an error anyway
			if (!conversionError) {
				Comparator<Item> cmp = comparator(alpha, sortBy != null, o.storeKey != null, o.desc);
				if (sortBy != null && (start != 0 || end != vector.length - 1)) {
					PartialQuickSort.sort(vector, vector.length, cmp, start, end);
				}
				else {
					// glibc's qsort is a merge sort: stable, as this one
					Arrays.sort(vector, cmp);
				}
			}
		}
		int getOps = o.gets.size();
		long outputLen = getOps > 0 ? getOps * (end - start + 1) : end - start + 1;
		if (conversionError) {
			return Reply.error(CONVERSION_ERROR);
		}
		if (o.storeKey == null) {
			List<Reply> out = new ArrayList<>((int) Math.max(outputLen, 0));
			for (long i = start; i <= end; i++) {
				Item item = vector[(int) i];
				if (getOps == 0) {
					out.add(Reply.bulk(item.obj));
				}
				for (byte[] pattern : o.gets) {
					out.add(Reply.bulkOrNull(lookupByPattern(c, pattern, item.obj)));
				}
			}
			return Reply.array(out);
		}
		ListValue stored = new ListValue();
		for (long i = start; i <= end; i++) {
			Item item = vector[(int) i];
			if (getOps == 0) {
				stored.addLast(item.obj);
			}
			for (byte[] pattern : o.gets) {
				byte[] val = lookupByPattern(c, pattern, item.obj);
				stored.addLast(val == null ? new byte[0] : val);
			}
		}
		byte[] storeKey = o.storeKey;
		if (outputLen > 0) {
			c.db().overwrite(storeKey, stored);
			c.modified(storeKey);
			c.notify(KeyChanges.NOTIFY_LIST, "sortstore", storeKey);
		}
		else if (c.db().delete(storeKey)) {
			c.modified(storeKey);
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", storeKey);
		}
		return Reply.integer(outputLen);
	}

	private static boolean unrestrictedKeyRead(CommandContext c) {
		Command command = c.core().table().lookup(c.args[0]);
		return command == null || c.core().acl().unrestrictedKeyRead(c.session, command, c.args);
	}

	/** sortCompare, with Redis's server.sort_* globals as arguments. */
	private static Comparator<Item> comparator(boolean alpha, boolean byPattern, boolean store, boolean desc) {
		Comparator<Item> cmp;
		if (!alpha) {
			cmp = (a, b) -> {
				if (a.score > b.score) {
					return 1;
				}
				if (a.score < b.score) {
					return -1;
				}
				// equal weights: by the elements themselves, so the result is
				// deterministic
				return compareBinary(a.obj, b.obj);
			};
		}
		else if (byPattern) {
			cmp = (a, b) -> {
				byte[] x = a.cmpObj;
				byte[] y = b.cmpObj;
				if (x == null || y == null) {
					return x == y ? 0 : x == null ? -1 : 1;
				}
				return store ? compareBinary(x, y) : strcoll(x, y);
			};
		}
		else {
			cmp = store ? (a, b) -> compareBinary(a.obj, b.obj) : (a, b) -> strcoll(a.obj, b.obj);
		}
		return desc ? (a, b) -> -Integer.signum(cmp.compare(a, b)) : cmp;
	}

	/** compareStringObjects: memcmp, then the shorter first. */
	static int compareBinary(byte[] a, byte[] b) {
		return Arrays.compareUnsigned(a, b);
	}

	/**
	 * strcoll in the C locale, as redis-server runs (LANG C or C.UTF-8, whose collation
	 * is code point order): strcmp, unsigned bytes up to the first NUL.
	 */
	static int strcoll(byte[] a, byte[] b) {
		return Arrays.compareUnsigned(a, 0, Strtod.cLength(a), b, 0, Strtod.cLength(b));
	}

	/**
	 * lookupKeyByPattern: "#" is the element itself; otherwise the first {@code *} of the
	 * pattern (as a C string sees it) is replaced by the element to make a key name,
	 * whose string value is returned, or, after "->field", that field of its hash; null
	 * when there is no {@code *}, no such key, or a value of another type.
	 */
	private static byte @Nullable [] lookupByPattern(CommandContext c, byte[] pattern, byte[] subst) {
		if (isHash(pattern)) {
			return subst;
		}
		int cLen = Strtod.cLength(pattern);
		int p = indexOf(pattern, cLen, '*', 0);
		if (p < 0) {
			return null;
		}
		int f = arrow(pattern, cLen, p + 1);
		int fieldLen = 0;
		byte[] field = null;
		if (f >= 0 && f + 2 < cLen) {
			fieldLen = pattern.length - f - 2;
			field = Arrays.copyOfRange(pattern, f + 2, pattern.length);
		}
		int postfixLen = pattern.length - (p + 1) - (fieldLen > 0 ? fieldLen + 2 : 0);
		byte[] key = new byte[p + subst.length + postfixLen];
		System.arraycopy(pattern, 0, key, 0, p);
		System.arraycopy(subst, 0, key, p, subst.length);
		System.arraycopy(pattern, p + 1, key, p + subst.length, postfixLen);
		Keyspace ks = c.core().keyspace();
		if (!ks.shard(ks.shardIndex(key)).isHeldByCurrentThread()) {
			// only a script gets here: it holds its declared keys' shards alone
			throw new ReplyException("ERR Script attempted to access a non local key in a cluster node");
		}
		KeyEntry e = c.db().lookupRead(key);
		if (e == null) {
			return null;
		}
		ValueType type = ValueType.of(e.value());
		if (field != null) {
			return type == ValueType.HASH ? e.asHash().get(field) : null;
		}
		return type == ValueType.STRING ? e.asString() : null;
	}

	/** The pattern "#" as C compares it: '#' then the end or a NUL. */
	private static boolean isHash(byte[] pattern) {
		return pattern.length > 0 && pattern[0] == '#' && (pattern.length == 1 || pattern[1] == 0);
	}

	private static int indexOf(byte[] s, int cLen, char ch, int from) {
		for (int i = from; i < cLen; i++) {
			if (s[i] == ch) {
				return i;
			}
		}
		return -1;
	}

	/** strstr(.., "->") within the C string, from {@code from}. */
	private static int arrow(byte[] s, int cLen, int from) {
		for (int i = from; i + 1 < cLen; i++) {
			if (s[i] == '-' && s[i + 1] == '>') {
				return i;
			}
		}
		return -1;
	}

	/** strcasecmp of the argument (up to a NUL) with a lower-case option name. */
	private static boolean is(byte[] arg, String lower) {
		int n = Strtod.cLength(arg);
		if (n != lower.length()) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			int b = arg[i];
			if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lower.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
