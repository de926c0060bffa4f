package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]: the longest common
 * subsequence of two strings by the textbook dynamic programme, its table bounded by
 * proto-max-bulk-len as in Redis 7.0.
 *
 * <p>
 * A port of lcsCommand in Redis's src/t_string.c (Copyright (c) 2009-2012, Salvatore
 * Sanfilippo, BSD 3-clause licence), the order of its checks and its walk back through
 * the table (which decides the ranges IDX reports) included.
 */
final class LcsCommand {

	private LcsCommand() {
	}

	static Reply lcs(CommandContext c) {
		KeyEntry ea = c.db().lookupRead(c.arg(1));
		KeyEntry eb = c.db().lookupRead(c.arg(2));
		if (ea != null && ValueType.of(ea.value()) != ValueType.STRING
				|| eb != null && ValueType.of(eb.value()) != ValueType.STRING) {
			return Reply.error("ERR The specified keys must contain string values");
		}
		byte[] a = ea == null ? Bytes.EMPTY : ea.stringUnderLock();
		byte[] b = eb == null ? Bytes.EMPTY : eb.stringUnderLock();
		boolean getlen = false;
		boolean getidx = false;
		boolean withmatchlen = false;
		long minmatchlen = 0;
		for (int j = 3; j < c.argc(); j++) {
			byte[] opt = c.arg(j);
			int moreargs = c.argc() - 1 - j;
			if (BitmapCommands.cstrIs(opt, "idx")) {
				getidx = true;
			}
			else if (BitmapCommands.cstrIs(opt, "len")) {
				getlen = true;
			}
			else if (BitmapCommands.cstrIs(opt, "withmatchlen")) {
				withmatchlen = true;
			}
			else if (BitmapCommands.cstrIs(opt, "minmatchlen") && moreargs > 0) {
				minmatchlen = Math.max(0, Args.parseLong(c.arg(j + 1)));
				j++;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		if (getlen && getidx) {
			return Reply.error("ERR If you want both the length and indexes, please just use IDX.");
		}
		int alen = a.length;
		int blen = b.length;
		int[] lcs = table(c, alen, blen);
		int cols = blen + 1;
		for (int i = 1; i <= alen; i++) {
			for (int j = 1; j <= blen; j++) {
				if (a[i - 1] == b[j - 1]) {
					lcs[i * cols + j] = lcs[(i - 1) * cols + j - 1] + 1;
				}
				else {
					lcs[i * cols + j] = Math.max(lcs[(i - 1) * cols + j], lcs[i * cols + j - 1]);
				}
			}
		}
		int length = lcs[alen * cols + blen];
		boolean computelcs = getidx || !getlen;
		if (!computelcs) {
			return Reply.integer(length);
		}
		byte[] result = new byte[length]; // a new array: the reply outlives the lock
		List<Reply> matches = new ArrayList<>();
		int idx = length;
		// alen in arangeStart means no range is open
		int arangeStart = alen;
		int arangeEnd = 0;
		int brangeStart = 0;
		int brangeEnd = 0;
		int i = alen;
		int j = blen;
		while (i > 0 && j > 0) {
			boolean emitRange = false;
			if (a[i - 1] == b[j - 1]) {
				result[idx - 1] = a[i - 1];
				if (arangeStart == alen) {
					arangeStart = i - 1;
					arangeEnd = i - 1;
					brangeStart = j - 1;
					brangeEnd = j - 1;
				}
				else if (arangeStart == i && brangeStart == j) {
					// the match extends the open range backwards
					arangeStart--;
					brangeStart--;
				}
				else {
					emitRange = true;
				}
				if (arangeStart == 0 || brangeStart == 0) {
					emitRange = true;
				}
				idx--;
				i--;
				j--;
			}
			else {
				if (lcs[(i - 1) * cols + j] > lcs[i * cols + j - 1]) {
					i--;
				}
				else {
					j--;
				}
				if (arangeStart != alen) {
					emitRange = true;
				}
			}
			long matchLen = Integer.toUnsignedLong(arangeEnd - arangeStart + 1);
			if (emitRange) {
				if (getidx && (minmatchlen == 0 || matchLen >= minmatchlen)) {
					List<Reply> match = new ArrayList<>(3);
					match.add(Reply.array(Reply.integer(arangeStart), Reply.integer(arangeEnd)));
					match.add(Reply.array(Reply.integer(brangeStart), Reply.integer(brangeEnd)));
					if (withmatchlen) {
						match.add(Reply.integer(matchLen));
					}
					matches.add(new Reply.ArrayReply(match));
				}
				arangeStart = alen;
			}
		}
		if (getidx) {
			return new Reply.MapReply(List.of(Reply.bulk("matches"), new Reply.ArrayReply(matches), Reply.bulk("len"),
					Reply.integer(length)));
		}
		return Reply.bulk(result);
	}

	/**
	 * The (alen+1) x (blen+1) table of LCS lengths, refused as Redis refuses it when it
	 * would take more than proto-max-bulk-len bytes or cannot be allocated.
	 */
	private static int[] table(CommandContext c, int alen, int blen) {
		long cells = (long) (alen + 1) * (blen + 1);
		long bytes = cells * Integer.BYTES;
		if (bytes > c.core().protoMaxBulkLen()) {
			throw new ReplyException("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
		}
		if (cells > Integer.MAX_VALUE - 8) {
			throw new ReplyException("ERR Insufficient memory, failed allocating transient memory for LCS");
		}
		try {
			return new int[(int) cells];
		}
		catch (OutOfMemoryError e) {
			// Redis's ztrymalloc: a table that cannot be had is this command's error
			throw new ReplyException("ERR Insufficient memory, failed allocating transient memory for LCS");
		}
	}

}
