package dev.larder.engine.scripting;

import dev.larder.engine.command.ReplyException;
import dev.larder.engine.dump.Crc64;
import dev.larder.engine.dump.Lzf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * FUNCTION DUMP's payload, Redis's RDB function format: for each library the opcode
 * RDB_OPCODE_FUNCTION2 and its code as an RDB string, then the RDB version (2 bytes,
 * little-endian) and a CRC64 (Jones, as Redis's crc64.c) of everything before it.
 *
 * <p>
 * Codes are written as redis-server writes them with rdbcompression on ({@link Lzf}), so
 * a payload of the same libraries in the same order is the same bytes; reading accepts
 * plain, integer-encoded and LZF-compressed strings. LZF and CRC64 are the DUMP payload's
 * ({@link Lzf}, {@link Crc64}).
 */
final class FunctionPayload {

	/** RDB_VERSION of Redis 7.0. */
	static final int RDB_VERSION = 10;

	private static final int OPCODE_FUNCTION2 = 245;

	private static final int OPCODE_FUNCTION_PRE_GA = 246;

	private FunctionPayload() {
	}

	static byte[] dump(Collection<FunctionLibrary> libraries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (FunctionLibrary l : libraries) {
			out.write(OPCODE_FUNCTION2);
			writeString(out, l.code());
		}
		out.write(RDB_VERSION & 0xff);
		out.write((RDB_VERSION >> 8) & 0xff);
		byte[] body = out.toByteArray();
		long crc = Crc64.crc64(0, body, 0, body.length);
		for (int i = 0; i < 8; i++) {
			out.write((int) (crc >>> (8 * i)) & 0xff);
		}
		return out.toByteArray();
	}

	/**
	 * Hands each library's code of a payload to {@code library} in turn, or throws
	 * Redis's error (verifyDumpPayload, then functionRestoreCommand's loop).
	 */
	static void read(byte[] data, Consumer<byte[]> library) {
		if (!verify(data)) {
			throw new ReplyException("ERR DUMP payload version or checksum are wrong");
		}
		int[] pos = { 0 };
		while (data.length - pos[0] > 10) {
			// as Redis reads through a rio over the whole payload, a string may run into
			// the
			// footer
			int type = data[pos[0]++] & 0xff;
			if (type == OPCODE_FUNCTION_PRE_GA) {
				library.accept(preGa(data, pos));
				continue;
			}
			if (type != OPCODE_FUNCTION2) {
				throw new ReplyException("ERR given type is not a function");
			}
			byte[] code = readString(data, pos, data.length);
			if (code == null) {
				throw new ReplyException("ERR Failed loading library payload");
			}
			// each library is created as it is read, so its error comes before the next
			// entry's
			library.accept(code);
		}
	}

	/**
	 * The format of Redis 7.0's release candidates (RDB_OPCODE_FUNCTION): name, engine,
	 * optional description and the code without its shebang, which is rebuilt as
	 * rdbFunctionLoad does.
	 */
	private static byte[] preGa(byte[] data, int[] pos) {
		byte[] name = readString(data, pos, data.length);
		if (name == null) {
			throw new ReplyException("ERR Failed loading library name");
		}
		byte[] engine = readString(data, pos, data.length);
		if (engine == null) {
			throw new ReplyException("ERR Failed loading engine name");
		}
		long hasDescription = readLength(data, pos, data.length);
		if (hasDescription < 0) {
			throw new ReplyException("ERR Failed loading library description indicator");
		}
		if (hasDescription != 0 && readString(data, pos, data.length) == null) {
			throw new ReplyException("ERR Failed loading library description");
		}
		byte[] blob = readString(data, pos, data.length);
		if (blob == null) {
			throw new ReplyException("ERR Failed loading library blob");
		}
		ByteArrayOutputStream code = new ByteArrayOutputStream();
		code.writeBytes("#!".getBytes(StandardCharsets.US_ASCII));
		code.writeBytes(engine);
		code.writeBytes(" name=".getBytes(StandardCharsets.US_ASCII));
		code.writeBytes(name);
		code.write('\n');
		code.writeBytes(blob);
		return code.toByteArray();
	}

	private static boolean verify(byte[] data) {
		if (data.length < 10) {
			return false;
		}
		int footer = data.length - 10;
		int version = (data[footer] & 0xff) | (data[footer + 1] & 0xff) << 8;
		if (version > RDB_VERSION) {
			return false;
		}
		long crc = Crc64.crc64(0, data, 0, data.length - 8);
		for (int i = 0; i < 8; i++) {
			if ((byte) (crc >>> (8 * i)) != data[footer + 2 + i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * rdbSaveRawString with rdbcompression on: LZF when it saves at least 4 bytes of a
	 * string longer than 20, else the plain bytes (a library's code is never a number, so
	 * the integer encodings do not apply).
	 */
	private static void writeString(ByteArrayOutputStream out, byte[] s) {
		if (s.length > 20) {
			int outLen = s.length - 4;
			byte[] compressed = new byte[outLen + 8];
			int n = Lzf.compress(s, compressed, outLen);
			if (n > 0) {
				out.write(0xC3); // RDB_ENCVAL << 6 | RDB_ENC_LZF
				writeLength(out, n);
				writeLength(out, s.length);
				out.write(compressed, 0, n);
				return;
			}
		}
		writeLength(out, s.length);
		out.writeBytes(s);
	}

	private static void writeLength(ByteArrayOutputStream out, long len) {
		if (len < (1 << 6)) {
			out.write((int) len);
		}
		else if (len < (1 << 14)) {
			out.write((int) (len >> 8) | 0x40);
			out.write((int) len & 0xff);
		}
		else if (len <= 0xffffffffL) {
			out.write(0x80);
			for (int i = 3; i >= 0; i--) {
				out.write((int) (len >>> (8 * i)) & 0xff);
			}
		}
		else {
			out.write(0x81);
			for (int i = 7; i >= 0; i--) {
				out.write((int) (len >>> (8 * i)) & 0xff);
			}
		}
	}

	/**
	 * rdbGenericLoadStringObject within {@code data[pos[0]..end)}; null when it runs past
	 * the end or is malformed.
	 */
	private static byte @Nullable [] readString(byte[] data, int[] pos, int end) {
		if (pos[0] >= end) {
			return null;
		}
		int first = data[pos[0]++] & 0xff;
		int kind = first >> 6;
		if (kind == 3) {
			return switch (first & 0x3f) {
				case 0 -> integer(data, pos, end, 1);
				case 1 -> integer(data, pos, end, 2);
				case 2 -> integer(data, pos, end, 4);
				case 3 -> lzf(data, pos, end);
				default -> null;
			};
		}
		pos[0]--;
		long len = readLength(data, pos, end);
		if (len < 0 || len > end - pos[0]) {
			return null;
		}
		byte[] s = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + (int) len);
		pos[0] += (int) len;
		return s;
	}

	/** rdbLoadLen of a plain length; -1 when malformed or past the end. */
	private static long readLength(byte[] data, int[] pos, int end) {
		if (pos[0] >= end) {
			return -1;
		}
		int first = data[pos[0]++] & 0xff;
		switch (first >> 6) {
			case 0:
				return first & 0x3f;
			case 1:
				if (pos[0] >= end) {
					return -1;
				}
				return (first & 0x3f) << 8 | data[pos[0]++] & 0xff;
			case 2: {
				int bytes = first == 0x80 ? 4 : first == 0x81 ? 8 : -1;
				if (bytes < 0 || end - pos[0] < bytes) {
					return -1;
				}
				long v = 0;
				for (int i = 0; i < bytes; i++) {
					v = v << 8 | data[pos[0]++] & 0xff;
				}
				return v < 0 ? -1 : v;
			}
			default:
				return -1;
		}
	}

	private static byte @Nullable [] integer(byte[] data, int[] pos, int end, int bytes) {
		if (end - pos[0] < bytes) {
			return null;
		}
		long v = 0;
		for (int i = 0; i < bytes; i++) {
			v |= (long) (data[pos[0]++] & 0xff) << (8 * i);
		}
		long signed = bytes == 1 ? (byte) v : bytes == 2 ? (short) v : (int) v;
		return Long.toString(signed).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte @Nullable [] lzf(byte[] data, int[] pos, int end) {
		long clen = readLength(data, pos, end);
		long len = readLength(data, pos, end);
		if (clen < 0 || len < 0 || clen > end - pos[0] || len > Integer.MAX_VALUE - 8) {
			return null;
		}
		byte[] out = Lzf.decompress(data, pos[0], (int) clen, (int) len);
		pos[0] += (int) clen;
		return out;
	}

}
