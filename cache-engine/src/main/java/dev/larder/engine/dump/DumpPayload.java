package dev.larder.engine.dump;

import dev.larder.engine.keyspace.EncodingLimits;

/**
 * DUMP's payload (cluster.c's createDumpPayload and verifyDumpPayload, BSD licence): the
 * value in RDB form, the RDB version as two little-endian bytes, and the CRC64 of all
 * that, little-endian.
 */
public final class DumpPayload {

	private static final int FOOTER = 10;

	private DumpPayload() {
	}

	/**
	 * The payload of a stored value ({@code byte[]} string or collection).
	 * @param compress rdbcompression: LZF for strings longer than 20 bytes
	 * @param listFill list-max-listpack-size, which decides where a list's nodes end
	 */
	public static byte[] create(Object value, boolean compress, int listFill) {
		DumpWriter writer = new DumpWriter(compress, listFill);
		writer.writeValue(value);
		ByteSink out = writer.out();
		out.writeLittleEndian(RdbTypes.RDB_VERSION, 2);
		long crc = Crc64.crc64(0, out.array(), 0, out.size());
		out.writeLittleEndian(crc, 8);
		return out.toByteArray();
	}

	/** verifyDumpPayload: long enough, a version this server loads, the right CRC. */
	public static boolean verify(byte[] payload) {
		if (payload.length < FOOTER) {
			return false;
		}
		int footer = payload.length - FOOTER;
		int version = (payload[footer] & 0xff) | (payload[footer + 1] & 0xff) << 8;
		if (version > RdbTypes.RDB_VERSION) {
			return false;
		}
		long crc = Crc64.crc64(0, payload, 0, payload.length - 8);
		for (int i = 0; i < 8; i++) {
			if ((byte) (crc >>> (8 * i)) != payload[footer + 2 + i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The value of a verified payload, built under {@code limits}.
	 * @throws BadPayloadException when it is not a value Redis 7.0 would load
	 */
	public static Object load(byte[] payload, EncodingLimits limits) {
		// Redis reads the value from the whole payload, so a length may reach into the
		// footer
		return new DumpReader(payload, payload.length, limits).readValue();
	}

}
