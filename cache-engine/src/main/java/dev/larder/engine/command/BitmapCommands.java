package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.BitmapCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bitmap family (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD, BITFIELD_RO),
 * which works on string values, following bitops.c of Redis 7.0 step by step, the order
 * of its checks included (it decides which error wins).
 *
 * <p>
 * A port of Redis's src/bitops.c (Copyright (c) 2009-2012, Salvatore Sanfilippo, BSD
 * 3-clause licence). A written bitmap is held raw, as Redis's dbUnshareStringValue makes
 * it, and owns its bytes, which SETBIT and BITFIELD then change in place under the shard
 * lock ({@code Database.bitsForUpdate}); readers here see them under the same lock
 * ({@code KeyEntry.stringUnderLock}).
 */
final class BitmapCommands {

	private static final String BIT_OFFSET_ERROR = "ERR bit offset is not an integer or out of range";

	private static final String BIT_VALUE_ERROR = "ERR bit is not an integer or out of range";

	private static final String BITFIELD_TYPE_ERROR = "ERR Invalid bitfield type. Use something like i16 u8. "
			+ "Note that u64 is not supported but i64 is.";

	private static final int BITOP_AND = 0;

	private static final int BITOP_OR = 1;

	private static final int BITOP_XOR = 2;

	private static final int BITOP_NOT = 3;

	private static final int OP_GET = 0;

	private static final int OP_SET = 1;

	private static final int OP_INCRBY = 2;

	/** The largest array the JVM reliably allocates. */
	private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

	private BitmapCommands() {
	}

	static void register(CommandTable t) {
		t.bind(BitmapCommandSpecs.SETBIT, BitmapCommands::setbit);
		t.bind(BitmapCommandSpecs.GETBIT, BitmapCommands::getbit);
		t.bind(BitmapCommandSpecs.BITCOUNT, BitmapCommands::bitcount);
		t.bind(BitmapCommandSpecs.BITPOS, BitmapCommands::bitpos);
		t.bind(BitmapCommandSpecs.BITOP, BitmapCommands::bitop);
		t.bind(BitmapCommandSpecs.BITFIELD, c -> bitfield(c, false));
		t.bind(BitmapCommandSpecs.BITFIELD_RO, c -> bitfield(c, true));
	}

	/**
	 * getBitOffsetFromArgument: a bit offset, or with {@code hash} and a width
	 * {@code #n}, n fields of that width (multiplied as C does, wrapping); never past
	 * proto-max-bulk-len bytes.
	 */
	private static long bitOffset(CommandContext c, byte[] arg, boolean hash, int bits) {
		int skip = arg.length > 0 && arg[0] == '#' && hash && bits > 0 ? 1 : 0;
		long[] out = new long[1];
		if (!Bytes.parseLong(arg, skip, arg.length - skip, out)) {
			throw new ReplyException(BIT_OFFSET_ERROR);
		}
		long offset = out[0];
		if (skip == 1) {
			offset *= bits;
		}
		if (offset < 0 || (offset >> 3) >= c.core().protoMaxBulkLen() || (offset >> 3) >= MAX_ARRAY) {
			throw new ReplyException(BIT_OFFSET_ERROR);
		}
		return offset;
	}

	/** strcasecmp against a C string: the argument ends at its first NUL byte. */
	static boolean cstrIs(byte[] arg, String lowerAscii) {
		int len = 0;
		while (len < arg.length && arg[len] != 0) {
			len++;
		}
		return len == arg.length ? Args.is(arg, lowerAscii) : Args.is(Arrays.copyOf(arg, len), lowerAscii);
	}

	/**
	 * lookupStringForBitCommand: the bytes of the key's string, at least
	 * {@code maxbit / 8 + 1} long and created when absent, for the caller to write its
	 * bits into in place under the same lock.
	 */
	private static BitTarget stringForBitWrite(CommandContext c, long maxbit) {
		if ((maxbit >>> 3) + 1 > MAX_ARRAY) {
			throw new ReplyException(Errors.STRING_TOO_LONG);
		}
		int size = (int) (maxbit >>> 3) + 1;
		byte[] key = c.arg(1);
		KeyEntry e = c.lookupWrite(key, ValueType.STRING);
		if (e == null) {
			return new BitTarget(c.db().addBits(key, size), true);
		}
		int oldLength = e.stringUnderLock().length;
		byte[] bits = c.db().bitsForUpdate(e, size);
		return new BitTarget(bits, bits.length != oldLength);
	}

	/** The bytes a write goes to, and whether they are new or grew (Redis's dirty). */
	private record BitTarget(byte[] bytes, boolean dirty) {
	}

	/** SETBIT key offset value: answers the bit's old value. */
	private static Reply setbit(CommandContext c) {
		long offset = bitOffset(c, c.arg(2), false, 0);
		long on = Args.parseLong(c.arg(3), BIT_VALUE_ERROR);
		if ((on & ~1) != 0) {
			return Reply.error(BIT_VALUE_ERROR);
		}
		int index = (int) (offset >>> 3);
		int bit = 7 - (int) (offset & 7);
		// the string becomes raw even when no bit changes, as Redis unshares it
		BitTarget target = stringForBitWrite(c, offset);
		byte[] p = target.bytes();
		int byteval = p[index] & 0xff;
		int bitval = (byteval >> bit) & 1;
		if (!target.dirty() && bitval == on) {
			return Reply.integer(bitval);
		}
		byteval &= ~(1 << bit);
		byteval |= (int) (on & 1) << bit;
		p[index] = (byte) byteval;
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STRING, "setbit", c.arg(1));
		return Reply.integer(bitval);
	}

	/** GETBIT key offset. */
	private static Reply getbit(CommandContext c) {
		long offset = bitOffset(c, c.arg(2), false, 0);
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.integer(0);
		}
		byte[] s = e.stringUnderLock();
		long index = offset >>> 3;
		int bit = 7 - (int) (offset & 7);
		return Reply.integer(index < s.length ? (s[(int) index] >> bit) & 1 : 0);
	}

	/**
	 * BITCOUNT key [start end [BYTE|BIT]]: a missing key answers 0 before the range is
	 * read, as in Redis 7.0.
	 */
	private static Reply bitcount(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.integer(0);
		}
		byte[] p = e.stringUnderLock();
		long strlen = p.length;
		long start;
		long end;
		int firstByteNegMask = 0;
		int lastByteNegMask = 0;
		if (c.argc() == 4 || c.argc() == 5) {
			long totlen = strlen;
			start = Args.parseLong(c.arg(2));
			end = Args.parseLong(c.arg(3));
			if (start < 0 && end < 0 && start > end) {
				return Reply.integer(0);
			}
			boolean isbit = false;
			if (c.argc() == 5) {
				isbit = indexUnit(c.arg(4));
			}
			if (isbit) {
				totlen <<= 3;
			}
			if (start < 0) {
				start = totlen + start;
			}
			if (end < 0) {
				end = totlen + end;
			}
			if (start < 0) {
				start = 0;
			}
			if (end < 0) {
				end = 0;
			}
			if (end >= totlen) {
				end = totlen - 1;
			}
			if (isbit && start <= end) {
				firstByteNegMask = ~((1 << (8 - (int) (start & 7))) - 1) & 0xff;
				lastByteNegMask = (1 << (7 - (int) (end & 7))) - 1;
				start >>= 3;
				end >>= 3;
			}
		}
		else if (c.argc() == 2) {
			start = 0;
			end = strlen - 1;
		}
		else {
			return Reply.error(Errors.SYNTAX);
		}
		if (start > end) {
			return Reply.integer(0);
		}
		long count = BitOps.popcount(p, (int) start, (int) (end - start + 1));
		if (firstByteNegMask != 0 || lastByteNegMask != 0) {
			// take back the bits of the first and last bytes outside the range
			if (firstByteNegMask != 0) {
				count -= Integer.bitCount(p[(int) start] & firstByteNegMask);
			}
			if (lastByteNegMask != 0) {
				count -= Integer.bitCount(p[(int) end] & lastByteNegMask);
			}
		}
		return Reply.integer(count);
	}

	/** BYTE or BIT, as strcasecmp reads them: true for BIT. */
	private static boolean indexUnit(byte[] arg) {
		if (cstrIs(arg, "bit")) {
			return true;
		}
		if (cstrIs(arg, "byte")) {
			return false;
		}
		throw new ReplyException(Errors.SYNTAX);
	}

	/** BITPOS key bit [start [end [BYTE|BIT]]]. */
	private static Reply bitpos(CommandContext c) {
		long bit = Args.parseLong(c.arg(2));
		if (bit != 0 && bit != 1) {
			return Reply.error("ERR The bit argument must be 1 or 0.");
		}
		// a missing key is an endless run of clear bits
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.integer(bit == 1 ? -1 : 0);
		}
		byte[] p = e.stringUnderLock();
		long strlen = p.length;
		long start;
		long end;
		boolean endGiven = false;
		int firstByteNegMask = 0;
		int lastByteNegMask = 0;
		int argc = c.argc();
		if (argc == 4 || argc == 5 || argc == 6) {
			long totlen = strlen;
			start = Args.parseLong(c.arg(3));
			boolean isbit = false;
			if (argc == 6) {
				isbit = indexUnit(c.arg(5));
			}
			if (argc >= 5) {
				end = Args.parseLong(c.arg(4));
				endGiven = true;
			}
			else {
				end = isbit ? (totlen << 3) + 7 : totlen - 1;
			}
			if (isbit) {
				totlen <<= 3;
			}
			if (start < 0) {
				start = totlen + start;
			}
			if (end < 0) {
				end = totlen + end;
			}
			if (start < 0) {
				start = 0;
			}
			if (end < 0) {
				end = 0;
			}
			if (end >= totlen) {
				end = totlen - 1;
			}
			if (isbit && start <= end) {
				firstByteNegMask = ~((1 << (8 - (int) (start & 7))) - 1) & 0xff;
				lastByteNegMask = (1 << (7 - (int) (end & 7))) - 1;
				start >>= 3;
				end >>= 3;
			}
		}
		else if (argc == 3) {
			start = 0;
			end = strlen - 1;
		}
		else {
			return Reply.error(Errors.SYNTAX);
		}
		if (start > end) {
			// an empty range holds neither a 0 nor a 1
			return Reply.integer(-1);
		}
		long bytes = end - start + 1;
		long pos;
		result: {
			if (firstByteNegMask != 0) {
				int tmp = bit == 1 ? p[(int) start] & ~firstByteNegMask : p[(int) start] | firstByteNegMask;
				if (lastByteNegMask != 0 && bytes == 1) {
					tmp = bit == 1 ? tmp & ~lastByteNegMask : tmp | lastByteNegMask;
				}
				pos = BitOps.bitpos(new byte[] { (byte) tmp }, 0, 1, (int) bit);
				if (bytes == 1 || pos != -1 && pos != 8) {
					break result;
				}
				start++;
				bytes--;
			}
			// a last byte with bits outside the range is searched on its own
			long curbytes = bytes - (lastByteNegMask != 0 ? 1 : 0);
			if (curbytes > 0) {
				pos = BitOps.bitpos(p, (int) start, (int) curbytes, (int) bit);
				if (bytes == curbytes || pos != -1 && pos != curbytes << 3) {
					break result;
				}
				start += curbytes;
				bytes -= curbytes;
			}
			int tmp = bit == 1 ? p[(int) end] & ~lastByteNegMask : p[(int) end] | lastByteNegMask;
			pos = BitOps.bitpos(new byte[] { (byte) tmp }, 0, 1, (int) bit);
		}
		// With an explicit end the range is not padded with zeros: a clear bit found
		// just past it is none.
		if (endGiven && bit == 0 && pos == bytes << 3) {
			return Reply.integer(-1);
		}
		if (pos != -1) {
			pos += start << 3;
		}
		return Reply.integer(pos);
	}

	/**
	 * BITOP AND|OR|XOR|NOT destkey key [key ...]: missing keys are empty strings, shorter
	 * strings are padded with zeros, and an empty result deletes the destination.
	 */
	private static Reply bitop(CommandContext c) {
		byte[] opname = c.arg(1);
		int op;
		if (cstrIs(opname, "and")) {
			op = BITOP_AND;
		}
		else if (cstrIs(opname, "or")) {
			op = BITOP_OR;
		}
		else if (cstrIs(opname, "xor")) {
			op = BITOP_XOR;
		}
		else if (cstrIs(opname, "not")) {
			op = BITOP_NOT;
		}
		else {
			return Reply.error(Errors.SYNTAX);
		}
		if (op == BITOP_NOT && c.argc() != 4) {
			return Reply.error("ERR BITOP NOT must be called with a single source key.");
		}
		int numkeys = c.argc() - 3;
		byte[][] src = new byte[numkeys][];
		int maxlen = 0;
		for (int j = 0; j < numkeys; j++) {
			KeyEntry e = c.lookupRead(c.arg(j + 3), ValueType.STRING);
			src[j] = e == null ? Bytes.EMPTY : e.stringUnderLock();
			maxlen = Math.max(maxlen, src[j].length);
		}
		byte[] dest = c.arg(2);
		if (maxlen == 0) {
			// dbDelete: even a key past its TTL goes as a plain deletion
			KeyEntry old = c.db().peek(dest);
			if (old != null) {
				c.db().remove(old);
				c.modified(dest);
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", dest);
			}
			return Reply.integer(0);
		}
		byte[] res = Arrays.copyOf(src[0], maxlen);
		if (op == BITOP_NOT) {
			for (int i = 0; i < maxlen; i++) {
				res[i] = (byte) ~res[i];
			}
		}
		for (int k = 1; k < numkeys; k++) {
			byte[] s = src[k];
			int n = s.length;
			if (op == BITOP_AND) {
				for (int i = 0; i < n; i++) {
					res[i] &= s[i];
				}
				Arrays.fill(res, n, maxlen, (byte) 0);
			}
			else if (op == BITOP_OR) {
				for (int i = 0; i < n; i++) {
					res[i] |= s[i];
				}
			}
			else {
				for (int i = 0; i < n; i++) {
					res[i] ^= s[i];
				}
			}
		}
		c.db().putBits(dest, res);
		c.modified(dest);
		c.notify(KeyChanges.NOTIFY_STRING, "set", dest);
		return Reply.integer(maxlen);
	}

	/** One BITFIELD subcommand, parsed before any runs (struct bitfieldOp). */
	private record FieldOp(int opcode, boolean signed, int bits, long offset, long value, int overflow) {
	}

	/**
	 * BITFIELD key [GET type offset | [OVERFLOW WRAP|SAT|FAIL] SET type offset value |
	 * INCRBY type offset increment ...] and, with {@code readonlyCommand}, BITFIELD_RO,
	 * which accepts only GET. Every subcommand is parsed first; each answers in order (a
	 * number, or null when OVERFLOW FAIL stopped it).
	 */
	private static Reply bitfield(CommandContext c, boolean readonlyCommand) {
		List<FieldOp> ops = new ArrayList<>();
		int overflow = BitOps.OVERFLOW_WRAP;
		boolean readonly = true;
		long highestWriteOffset = 0;
		int argc = c.argc();
		for (int j = 2; j < argc; j++) {
			int remargs = argc - j - 1;
			byte[] sub = c.arg(j);
			int opcode;
			if (cstrIs(sub, "get") && remargs >= 2) {
				opcode = OP_GET;
			}
			else if (cstrIs(sub, "set") && remargs >= 3) {
				opcode = OP_SET;
			}
			else if (cstrIs(sub, "incrby") && remargs >= 3) {
				opcode = OP_INCRBY;
			}
			else if (cstrIs(sub, "overflow") && remargs >= 1) {
				byte[] type = c.arg(++j);
				if (cstrIs(type, "wrap")) {
					overflow = BitOps.OVERFLOW_WRAP;
				}
				else if (cstrIs(type, "sat")) {
					overflow = BitOps.OVERFLOW_SAT;
				}
				else if (cstrIs(type, "fail")) {
					overflow = BitOps.OVERFLOW_FAIL;
				}
				else {
					return Reply.error("ERR Invalid OVERFLOW type specified");
				}
				continue;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
			byte[] type = c.arg(j + 1);
			boolean signed = type.length > 0 && type[0] == 'i';
			int bits = bitfieldBits(type);
			long offset = bitOffset(c, c.arg(j + 2), true, bits);
			long value = 0;
			if (opcode != OP_GET) {
				readonly = false;
				highestWriteOffset = Math.max(highestWriteOffset, offset + bits - 1);
				value = Args.parseLong(c.arg(j + 3));
			}
			ops.add(new FieldOp(opcode, signed, bits, offset, value, overflow));
			j += opcode == OP_GET ? 2 : 3;
		}
		byte @Nullable [] readable;
		byte[] writable = Bytes.EMPTY; // only written to when some subcommand writes
		boolean dirty = false;
		if (readonly) {
			KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
			readable = e == null ? null : e.stringUnderLock();
		}
		else {
			if (readonlyCommand) {
				return Reply.error("ERR BITFIELD_RO only supports the GET subcommand");
			}
			BitTarget target = stringForBitWrite(c, highestWriteOffset);
			writable = target.bytes();
			readable = writable;
			dirty = target.dirty();
		}
		List<Reply> replies = new ArrayList<>(ops.size());
		long changes = 0;
		long[] wrapped = new long[1];
		for (FieldOp op : ops) {
			if (op.opcode() == OP_GET) {
				replies.add(Reply.integer(getField(readable, op)));
				continue;
			}
			// SET and INCRBY share a path: SET answers the old value, INCRBY the new
			byte[] target = writable;
			long oldval = op.signed() ? BitOps.getSigned(target, op.offset(), op.bits())
					: BitOps.getUnsigned(target, op.offset(), op.bits());
			long newval;
			long retval;
			int overflowed;
			if (op.opcode() == OP_INCRBY) {
				overflowed = checkOverflow(op, oldval, op.value(), wrapped);
				newval = overflowed != 0 ? wrapped[0] : oldval + op.value();
				retval = newval;
			}
			else {
				newval = op.value();
				overflowed = checkOverflow(op, newval, 0, wrapped);
				if (overflowed != 0) {
					newval = wrapped[0];
				}
				retval = oldval;
			}
			if (overflowed != 0 && op.overflow() == BitOps.OVERFLOW_FAIL) {
				replies.add(Reply.NULL);
				continue;
			}
			replies.add(Reply.integer(retval));
			BitOps.setUnsigned(target, op.offset(), op.bits(), newval);
			if (dirty || oldval != newval) {
				changes++;
			}
		}
		if (changes > 0) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_STRING, "setbit", c.arg(1));
		}
		return new Reply.ArrayReply(replies);
	}

	private static int checkOverflow(FieldOp op, long value, long incr, long[] limit) {
		return op.signed() ? BitOps.checkSignedOverflow(value, incr, op.bits(), op.overflow(), limit)
				: BitOps.checkUnsignedOverflow(value, incr, op.bits(), op.overflow(), limit);
	}

	/**
	 * GET reads through a zero-padded copy of the (at most 9) bytes it covers, so a field
	 * may run past the string's end or the key be missing.
	 */
	private static long getField(byte @Nullable [] src, FieldOp op) {
		byte[] buf = new byte[9];
		long first = op.offset() >>> 3;
		if (src != null && first < src.length) {
			System.arraycopy(src, (int) first, buf, 0, (int) Math.min(9, src.length - first));
		}
		long offset = op.offset() - first * 8;
		return op.signed() ? BitOps.getSigned(buf, offset, op.bits()) : BitOps.getUnsigned(buf, offset, op.bits());
	}

	/**
	 * getBitfieldTypeFromArgument: i1 to i64 or u1 to u63 (a u64 could not be answered as
	 * a RESP integer). The width is read as a C string, up to a NUL byte.
	 */
	private static int bitfieldBits(byte[] type) {
		if (type.length == 0 || type[0] != 'i' && type[0] != 'u') {
			throw new ReplyException(BITFIELD_TYPE_ERROR);
		}
		int len = 1;
		while (len < type.length && type[len] != 0) {
			len++;
		}
		long[] out = new long[1];
		boolean signed = type[0] == 'i';
		if (!Bytes.parseLong(type, 1, len - 1, out) || out[0] < 1 || signed && out[0] > 64 || !signed && out[0] > 63) {
			throw new ReplyException(BITFIELD_TYPE_ERROR);
		}
		return (int) out[0];
	}

}
