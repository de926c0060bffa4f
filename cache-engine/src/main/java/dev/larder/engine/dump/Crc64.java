package dev.larder.engine.dump;

/**
 * Redis's crc64.c: CRC-64/Jones (reflected polynomial 0xad93d23594c935a9, initial value
 * 0, no final xor), the checksum that ends a DUMP payload. Table driven, one byte at a
 * time; payloads are small and this is not the command's cost.
 */
public final class Crc64 {

	private static final long POLY = 0x95ac9329ac4bc9b5L;

	private static final long[] TABLE = new long[256];

	static {
		for (int n = 0; n < 256; n++) {
			long crc = n;
			for (int k = 0; k < 8; k++) {
				crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
			}
			TABLE[n] = crc;
		}
	}

	private Crc64() {
	}

	public static long crc64(long crc, byte[] data, int from, int to) {
		long c = crc;
		for (int i = from; i < to; i++) {
			c = TABLE[(int) ((c ^ data[i]) & 0xff)] ^ (c >>> 8);
		}
		return c;
	}

}
