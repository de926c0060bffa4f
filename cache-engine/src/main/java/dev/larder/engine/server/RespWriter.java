package dev.larder.engine.server;

import dev.larder.engine.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders a {@link Reply} as RESP2 or RESP3. RESP3-only types degrade the way Redis
 * degrades them for RESP2 clients (map to flat array, double to bulk string, boolean to
 * integer, verbatim to bulk, null to $-1/*-1). Numbers are written digit by digit to
 * avoid a String per reply on the hot path.
 */
final class RespWriter {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The elements of an array reply (LRANGE, SMEMBERS, MGET...) that are small bulk
	 * strings are assembled in a per-thread byte array and copied to the buffer in one
	 * go: five ByteBuf calls per element, each with its own bounds and reference-count
	 * checks, cost more than the bytes themselves.
	 */
	private static final int SMALL_BULK = 1024;

	/** {@code $}, at most four length digits, two CRLFs. */
	private static final int BULK_FRAMING = 9;

	private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
		@Override
		protected byte[] initialValue() {
			return new byte[16 * 1024];
		}
	};

	private RespWriter() {
	}

	static void write(ByteBuf out, Reply reply, boolean resp3) {
		if (reply instanceof Reply.BulkString b) {
			writeBulk(out, b.value());
		}
		else if (reply instanceof Reply.SimpleString s) {
			if (s == Reply.OK) {
				out.writeBytes(OK);
			}
			else {
				out.writeByte('+');
				out.writeCharSequence(oneLine(s.value()), StandardCharsets.ISO_8859_1);
				out.writeBytes(CRLF);
			}
		}
		else if (reply instanceof Reply.IntegerReply i) {
			out.writeByte(':');
			writeLong(out, i.value());
			out.writeBytes(CRLF);
		}
		else if (reply instanceof Reply.NullReply n) {
			out.writeBytes(resp3 ? NULL3 : n.array() ? NULL_ARRAY : NULL_BULK);
		}
		else if (reply instanceof Reply.ErrorReply e) {
			out.writeByte('-');
			out.writeCharSequence(oneLine(e.message()), StandardCharsets.ISO_8859_1);
			out.writeBytes(CRLF);
		}
		else if (reply instanceof Reply.ArrayReply a) {
			writeAggregate(out, '*', a.items(), resp3);
		}
		else if (reply instanceof Reply.MapReply m) {
			if (resp3) {
				header(out, '%', m.size());
				for (Reply r : m.keysAndValues()) {
					write(out, r, true);
				}
			}
			else {
				writeAggregate(out, '*', m.keysAndValues(), false);
			}
		}
		else if (reply instanceof Reply.Push p) {
			writeAggregate(out, resp3 ? '>' : '*', p.items(), resp3);
		}
		else if (reply instanceof Reply.Sequence s) {
			for (Reply r : s.items()) {
				write(out, r, resp3);
			}
		}
		else if (reply instanceof Reply.SetReply s) {
			writeAggregate(out, resp3 ? '~' : '*', s.items(), resp3);
		}
		else if (reply instanceof Reply.DoubleReply d) {
			String text = d.text() != null ? d.text() : formatDouble(d.value());
			if (resp3) {
				out.writeByte(',');
				out.writeCharSequence(text, StandardCharsets.US_ASCII);
				out.writeBytes(CRLF);
			}
			else {
				writeBulk(out, text.getBytes(StandardCharsets.US_ASCII));
			}
		}
		else if (reply instanceof Reply.BooleanReply b) {
			if (resp3) {
				out.writeCharSequence(b.value() ? "#t\r\n" : "#f\r\n", StandardCharsets.US_ASCII);
			}
			else {
				out.writeCharSequence(b.value() ? ":1\r\n" : ":0\r\n", StandardCharsets.US_ASCII);
			}
		}
		else if (reply instanceof Reply.VerbatimString v) {
			byte[] text = v.text().getBytes(StandardCharsets.UTF_8);
			if (resp3) {
				header(out, '=', text.length + 4);
				out.writeCharSequence(v.format(), StandardCharsets.US_ASCII);
				out.writeByte(':');
				out.writeBytes(text);
				out.writeBytes(CRLF);
			}
			else {
				writeBulk(out, text);
			}
		}
		else if (reply instanceof Reply.BigNumber n) {
			byte[] digits = n.digits().getBytes(StandardCharsets.US_ASCII);
			if (resp3) {
				out.writeByte('(');
				out.writeBytes(digits);
				out.writeBytes(CRLF);
			}
			else {
				writeBulk(out, digits);
			}
		}
		else if (reply instanceof Reply.Attribute a) {
			if (resp3) {
				header(out, '|', a.keysAndValues().size() / 2);
				for (Reply r : a.keysAndValues()) {
					write(out, r, true);
				}
			}
		}
		else {
			throw new IllegalArgumentException("unknown reply " + reply);
		}
	}

	private static void writeAggregate(ByteBuf out, char type, List<Reply> items, boolean resp3) {
		header(out, type, items.size());
		byte[] scratch = null;
		int pos = 0;
		for (Reply r : items) {
			if (r instanceof Reply.BulkString b && b.value().length <= SMALL_BULK) {
				if (scratch == null) {
					scratch = SCRATCH.get();
				}
				if (pos + b.value().length + BULK_FRAMING > scratch.length) {
					out.writeBytes(scratch, 0, pos);
					pos = 0;
				}
				pos = putBulk(scratch, pos, b.value());
			}
			else {
				if (pos > 0) {
					out.writeBytes(scratch, 0, pos); // before write(), which may use the
														// scratch itself
					pos = 0;
				}
				write(out, r, resp3);
			}
		}
		if (pos > 0) {
			out.writeBytes(scratch, 0, pos);
		}
	}

	/**
	 * {@code $<length>\r\n<value>\r\n} into a byte array; the caller has made room for
	 * it.
	 */
	private static int putBulk(byte[] to, int pos, byte[] value) {
		int n = value.length;
		to[pos++] = '$';
		int digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4;
		for (int i = pos + digits - 1, v = n; i >= pos; i--, v /= 10) {
			to[i] = (byte) ('0' + v % 10);
		}
		pos += digits;
		to[pos++] = '\r';
		to[pos++] = '\n';
		System.arraycopy(value, 0, to, pos, n);
		pos += n;
		to[pos++] = '\r';
		to[pos++] = '\n';
		return pos;
	}

	static void writeBulk(ByteBuf out, byte[] value) {
		header(out, '$', value.length);
		out.writeBytes(value);
		out.writeBytes(CRLF);
	}

	private static void header(ByteBuf out, char type, long length) {
		out.writeByte(type);
		writeLong(out, length);
		out.writeBytes(CRLF);
	}

	static void writeLong(ByteBuf out, long v) {
		if (v == Long.MIN_VALUE) {
			out.writeCharSequence("-9223372036854775808", StandardCharsets.US_ASCII);
			return;
		}
		if (v < 0) {
			out.writeByte('-');
			v = -v;
		}
		if (v < 10) {
			out.writeByte((int) ('0' + v));
			return;
		}
		int digits = 1;
		for (long t = v / 10; t > 0; t /= 10) {
			digits++;
		}
		int start = out.writerIndex();
		out.ensureWritable(digits);
		for (int i = start + digits - 1; i >= start; i--) {
			out.setByte(i, (int) ('0' + v % 10));
			v /= 10;
		}
		out.writerIndex(start + digits);
	}

	/** Redis 7.0 prints doubles with %.17g; inf and nan as words. */
	private static String formatDouble(double d) {
		return dev.larder.engine.command.Scores.format(d);
	}

	private static String oneLine(String s) {
		return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replace('\r', ' ').replace('\n', ' ');
	}

}
