package dev.larder.engine.dump;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Builds DUMP payloads by hand for the tests: the formats Redis 7.0 loads but no longer
 * writes (ziplists, zipmaps, the old list, set, zset and hash types), and corrupt ones
 * with a valid footer.
 */
final class Payloads {

	private Payloads() {
	}

	/** The body (type byte and value) with Redis 7.0's version and a valid CRC64. */
	static byte[] withFooter(byte[] body) {
		return withFooter(body, RdbTypes.RDB_VERSION);
	}

	static byte[] withFooter(byte[] body, int version) {
		ByteSink out = new ByteSink(body.length + 10);
		out.write(body);
		out.writeLittleEndian(version, 2);
		out.writeLittleEndian(Crc64.crc64(0, out.array(), 0, out.size()), 8);
		return out.toByteArray();
	}

	/**
	 * A payload in the hex the Redis tests print, {@code \x0E\x01...}, footer included.
	 */
	static byte[] tcl(String escaped) {
		return HexFormat.of().parseHex(escaped.replace("\\x", ""));
	}

	/** A ziplist of short strings (each under 64 bytes). */
	static byte[] ziplist(String... entries) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int prev = 0;
		int tail = 10;
		for (String e : entries) {
			tail = 10 + body.size();
			byte[] b = e.getBytes(StandardCharsets.ISO_8859_1);
			body.write(prev);
			body.write(b.length);
			body.writeBytes(b);
			prev = 2 + b.length;
		}
		ByteSink zl = new ByteSink(16);
		zl.writeLittleEndian(10 + body.size() + 1, 4);
		zl.writeLittleEndian(tail, 4);
		zl.writeLittleEndian(entries.length, 2);
		zl.write(body.toByteArray());
		zl.write(0xFF);
		return zl.toByteArray();
	}

	/** A zipmap of short keys and values (no free bytes). */
	static byte[] zipmap(String... pairs) {
		ByteSink zm = new ByteSink(16);
		zm.write(pairs.length / 2);
		for (int i = 0; i < pairs.length; i += 2) {
			byte[] key = pairs[i].getBytes(StandardCharsets.ISO_8859_1);
			byte[] value = pairs[i + 1].getBytes(StandardCharsets.ISO_8859_1);
			zm.write(key.length);
			zm.write(key);
			zm.write(value.length);
			zm.write(0);
			zm.write(value);
		}
		zm.write(0xFF);
		return zm.toByteArray();
	}

	/** A type byte and then strings, each as a length and its bytes. */
	static byte[] strings(int type, String... items) {
		ByteSink out = new ByteSink(16);
		out.write(type);
		out.write(items.length);
		for (String s : items) {
			rawString(out, s);
		}
		return out.toByteArray();
	}

	/** A type byte and a blob stored as one string. */
	static byte[] blob(int type, byte[] blob) {
		ByteSink out = new ByteSink(16);
		out.write(type);
		DumpWriter w = new DumpWriter(false, -2);
		w.writeString(blob);
		out.write(w.out().toByteArray());
		return out.toByteArray();
	}

	static void rawString(ByteSink out, String s) {
		byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
		out.write(b.length);
		out.write(b);
	}

}
