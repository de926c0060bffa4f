package dev.larder.engine.server;

import dev.larder.engine.keyspace.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A connection's query buffer and the incremental request parser over it, following
 * Redis's processMultibulkBuffer / processInlineBuffer: it keeps its position inside a
 * half-received multibulk across reads (no re-parsing), validates every header before
 * trusting it, and words its errors as Redis does.
 *
 * <p>
 * Input is copied from Netty's buffers into a plain {@code byte[]} once per read, and
 * parsed there: on that array, finding a CRLF, reading a length and copying an argument
 * are plain loops and array copies, without a buffer's bounds and reference-count checks
 * on every byte (they cost more than the command itself for a short GET). An argument of
 * {@link #BIG_ARG} bytes or more is not staged: its array is filled as its bytes arrive,
 * grown as they come rather than sized from the untrusted header (as Redis reads big
 * arguments straight into their own string).
 *
 * <p>
 * Limits: header lines and inline commands of at most {@code maxInline} bytes, bulk
 * strings of at most proto-max-bulk-len, and small frames until the client has
 * authenticated; the owner enforces the query buffer limits with {@link #buffered()}. Not
 * thread-safe: one per connection.
 */
final class RespParser {

	/**
	 * Arguments at least this long are filled in place as they arrive, not through the
	 * query buffer.
	 */
	static final int BIG_ARG = 32 * 1024;

	private static final int INITIAL_BUFFER = 1024;

	/**
	 * An emptied buffer larger than this is given back, so a burst does not pin memory
	 * per connection.
	 */
	private static final int IDLE_BUFFER_MAX = 64 * 1024;

	private static final byte[][] EMPTY_COMMAND = new byte[0][];

	private final int maxInline;

	private final int maxMultibulk;

	private final LongSupplier maxBulk;

	private final BooleanSupplier authRequired;

	private byte[] buf = new byte[INITIAL_BUFFER];

	private int pos;

	private int end;

	private int multibulkRemaining;

	/** The arguments of the multibulk being parsed; empty between commands. */
	private byte[][] args = EMPTY_COMMAND;

	private int argCount;

	private long bulkLen = -1;

	private long pendingArgBytes;

	/**
	 * The big argument being filled (null when none is), its final length, and how much
	 * of it has arrived.
	 */
	private byte @Nullable [] big;

	private int bigLen;

	private int bigFill;

	private final long[] number = new long[1];

	RespParser(int maxInline, int maxMultibulk, LongSupplier maxBulk, BooleanSupplier authRequired) {
		this.maxInline = maxInline;
		this.maxMultibulk = maxMultibulk;
		this.maxBulk = maxBulk;
		this.authRequired = authRequired;
	}

	/** Takes all readable bytes of {@code in} (the caller still releases it). */
	void append(ByteBuf in) {
		int n = in.readableBytes();
		byte[] b = big;
		if (b != null && bigFill < bigLen) {
			int take = Math.min(n, bigLen - bigFill);
			b = growBig(b, bigFill + take);
			in.readBytes(b, bigFill, take);
			bigFill += take;
			n -= take;
		}
		if (n == 0) {
			return;
		}
		makeRoom(n);
		in.readBytes(buf, end, n);
		end += n;
	}

	/**
	 * Bytes held for commands not yet executed: the query buffer, the arguments already
	 * parsed, and the array of a big argument being filled (its capacity, which is what
	 * the heap pays).
	 */
	long buffered() {
		byte[] b = big;
		return (end - pos) + pendingArgBytes + (b == null ? 0 : b.length);
	}

	boolean hasInput() {
		return end > pos;
	}

	/** Drops everything buffered (the connection is closing). */
	void release() {
		buf = new byte[0];
		pos = 0;
		end = 0;
		args = EMPTY_COMMAND;
		big = null;
		bigFill = 0;
		pendingArgBytes = 0;
	}

	/**
	 * Parses the next command. Returns null when more input is needed, an empty array for
	 * an empty command (which Redis ignores), or the arguments.
	 */
	byte @Nullable [][] parse() throws ProtocolException {
		if (multibulkRemaining == 0) {
			if (pos == end) {
				return null;
			}
			if (buf[pos] != '*') {
				return parseInline();
			}
			int cr = indexOfCr(pos);
			if (cr < 0 || cr + 1 >= end) {
				if (end - pos > maxInline) {
					throw new ProtocolException("too big mbulk count string");
				}
				return null;
			}
			long count = number(pos + 1, cr);
			if (count == Long.MIN_VALUE || count > Integer.MAX_VALUE || count > maxMultibulk) {
				throw new ProtocolException("invalid multibulk length");
			}
			if (count > 10 && authRequired.getAsBoolean()) {
				throw new ProtocolException("unauthenticated multibulk length");
			}
			pos = cr + 2;
			if (count <= 0) {
				return EMPTY_COMMAND;
			}
			multibulkRemaining = (int) count;
			args = new byte[(int) Math.min(count, 1024)][];
			argCount = 0;
			pendingArgBytes = 0;
		}
		while (multibulkRemaining > 0) {
			if (bulkLen == -1 && !parseBulkHeader()) {
				return null;
			}
			byte[] arg = bulkLen >= BIG_ARG ? takeBig() : takeSmall();
			if (arg == null) {
				return null;
			}
			if (argCount == args.length) {
				args = Arrays.copyOf(args, (int) Math.min((long) args.length * 2, argCount + multibulkRemaining));
			}
			args[argCount++] = arg;
			pendingArgBytes += arg.length + 16;
			bulkLen = -1;
			multibulkRemaining--;
		}
		byte[][] command = argCount == args.length ? args : Arrays.copyOf(args, argCount);
		args = EMPTY_COMMAND;
		pendingArgBytes = 0;
		return command;
	}

	private boolean parseBulkHeader() throws ProtocolException {
		int cr = indexOfCr(pos);
		if (cr < 0 || cr + 1 >= end) {
			if (end - pos > maxInline) {
				throw new ProtocolException("too big bulk count string");
			}
			return false;
		}
		byte first = buf[pos];
		if (first != '$') {
			throw new ProtocolException("expected '$', got '" + (char) (first & 0xff) + "'");
		}
		long len = number(pos + 1, cr);
		if (len == Long.MIN_VALUE || len < 0 || len > maxBulk.getAsLong() || len > Integer.MAX_VALUE - 8) {
			throw new ProtocolException("invalid bulk length");
		}
		if (len > 16384 && authRequired.getAsBoolean()) {
			throw new ProtocolException("unauthenticated bulk length");
		}
		pos = cr + 2;
		bulkLen = len;
		return true;
	}

	/** The argument, or null while its bytes have not all arrived. */
	private byte @Nullable [] takeSmall() {
		int len = (int) bulkLen;
		if (end - pos < len + 2) {
			return null;
		}
		byte[] arg = Arrays.copyOfRange(buf, pos, pos + len);
		pos += len + 2; // Redis does not check that these are CRLF either
		return arg;
	}

	/**
	 * A big argument: moves what the buffer holds of it into its own array, which later
	 * reads fill. Null while its bytes have not all arrived.
	 */
	private byte @Nullable [] takeBig() {
		byte[] arg = big;
		if (arg == null) {
			bigLen = (int) bulkLen;
			// sized by the bytes received, never by the untrusted header: a client that
			// declares a huge argument and sends nothing gets no more than BIG_ARG
			arg = new byte[Math.min(bigLen, Math.max(BIG_ARG, end - pos))];
			big = arg;
			bigFill = 0;
			int take = Math.min(end - pos, bigLen);
			arg = growBig(arg, take);
			System.arraycopy(buf, pos, arg, 0, take);
			bigFill = take;
			pos += take;
		}
		if (bigFill < bigLen || end - pos < 2) {
			return null;
		}
		pos += 2;
		big = null;
		bigFill = 0;
		return arg;
	}

	/**
	 * Grows {@code b}, the big argument's array, to hold {@code needed} bytes: doubling,
	 * never past its declared length. Returns the array that is now the big argument.
	 */
	private byte[] growBig(byte[] b, int needed) {
		if (needed > b.length) {
			b = Arrays.copyOf(b, (int) Math.min(bigLen, Math.max(needed, (long) b.length * 2)));
			big = b;
		}
		return b;
	}

	/** The inline command, or null while its line has not all arrived. */
	private byte @Nullable [][] parseInline() throws ProtocolException {
		int lf = -1;
		for (int i = pos; i < end && buf[i] != 0; i++) {
			if (buf[i] == '\n') {
				lf = i;
				break;
			}
		}
		if (lf < 0) {
			if (end - pos > maxInline) {
				throw new ProtocolException("too big inline request");
			}
			return null;
		}
		int lineEnd = lf > pos && buf[lf - 1] == '\r' ? lf - 1 : lf;
		byte[][] argv = InlineSplitter.split(Arrays.copyOfRange(buf, pos, lineEnd));
		if (argv == null) {
			throw new ProtocolException("unbalanced quotes in request");
		}
		pos = lf + 1;
		return argv;
	}

	/**
	 * Where the header line ends; -1 while it has not arrived. Redis finds line ends with
	 * strchr, which stops at a NUL byte: a line with a NUL before its end never ends, and
	 * runs into the line length limit (inline lines likewise).
	 */
	private int indexOfCr(int from) {
		byte[] b = buf;
		for (int i = from, e = end; i < e; i++) {
			if (b[i] == '\r') {
				return i;
			}
			if (b[i] == 0) {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Redis's string2ll over the header digits; Long.MIN_VALUE when they are not a valid
	 * number.
	 */
	private long number(int from, int to) {
		if (!Bytes.parseLong(buf, from, to - from, number) || number[0] == Long.MIN_VALUE) {
			return Long.MIN_VALUE;
		}
		return number[0];
	}

	/**
	 * Room for {@code n} more bytes: drop the consumed prefix first, grow only when that
	 * is not enough.
	 */
	private void makeRoom(int n) {
		if (pos == end) {
			pos = 0;
			end = 0;
			if (buf.length > IDLE_BUFFER_MAX && n <= INITIAL_BUFFER) {
				buf = new byte[INITIAL_BUFFER];
			}
		}
		if (end + n <= buf.length) {
			return;
		}
		int live = end - pos;
		if (live + n <= buf.length && pos > 0) {
			System.arraycopy(buf, pos, buf, 0, live);
		}
		else {
			byte[] grown = new byte[(int) Math.min(Integer.MAX_VALUE - 8,
					Math.max((long) live + n, (long) buf.length * 2))];
			System.arraycopy(buf, pos, grown, 0, live);
			buf = grown;
		}
		pos = 0;
		end = live;
	}

}
