package dev.larder.engine.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.keyspace.EncodingLimits;
import dev.larder.engine.keyspace.ListValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The payload's parts on their own: the CRC64 check value of Redis's crc64.c, LZF round
 * trips, and a seeded run of random and randomly damaged payloads, every one of which
 * must load or be refused with {@link BadPayloadException}, never another exception.
 */
class DumpPayloadTest {

	@Test
	void crc64IsRedisJonesCrc() {
		// crc64.c's own test: crc64(0, "123456789", 9) == 0xe9c6d914c4b8d9ca
		byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
		assertThat(Crc64.crc64(0, check, 0, check.length)).isEqualTo(0xe9c6d914c4b8d9caL);
	}

	@Test
	void lzfRoundTrips() {
		Random rnd = new Random(7);
		for (int round = 0; round < 2000; round++) {
			byte[] in = new byte[1 + rnd.nextInt(5000)];
			int alphabet = 1 + rnd.nextInt(20);
			for (int i = 0; i < in.length; i++) {
				in[i] = (byte) rnd.nextInt(alphabet);
			}
			byte[] out = new byte[in.length + 64];
			int n = Lzf.compress(in, out, out.length);
			assertThat(n).isPositive();
			assertThat(Lzf.decompress(out, 0, n, in.length)).isEqualTo(in);
			// one byte short of the output is a refusal, not an overrun
			assertThat(Lzf.decompress(out, 0, n, in.length - 1)).isNull();
		}
	}

	@Test
	void lzfRefusesWhatDoesNotFit() {
		byte[] in = new byte[100];
		new Random(1).nextBytes(in);
		assertThat(Lzf.compress(in, new byte[97], 96)).isZero();
	}

	@Test
	void damagedPayloadsAreRefusedCleanly() {
		Random rnd = new Random(11);
		ListValue list = new ListValue();
		for (int i = 0; i < 50; i++) {
			list.addLast(("element" + i % 7).repeat(1 + i % 5).getBytes(StandardCharsets.US_ASCII));
		}
		byte[][] seeds = { DumpPayload.create("x".repeat(300).getBytes(StandardCharsets.US_ASCII), true, -2),
				DumpPayload.create(list, true, -2), DumpPayload.create(list, false, 3) };
		for (int round = 0; round < 50_000; round++) {
			byte[] seed = seeds[rnd.nextInt(seeds.length)];
			byte[] body = Arrays.copyOf(seed, rnd.nextInt(4) == 0 ? rnd.nextInt(seed.length) : seed.length - 10);
			if (body.length == 0) {
				continue;
			}
			for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
				body[rnd.nextInt(body.length)] = (byte) rnd.nextInt(256);
			}
			byte[] payload = Payloads.withFooter(body);
			assertThat(DumpPayload.verify(payload)).isTrue();
			try {
				DumpPayload.load(payload, EncodingLimits.DEFAULTS);
			}
			catch (BadPayloadException refused) {
				// refused: what RESTORE answers "Bad data format" for
			}
		}
	}

	@Test
	void hugeLengthsAllocateNothing() {
		// a string, a list and an LZF string claiming 2^62 bytes or elements
		for (String body : new String[] { "0081" + "4000000000000000", "0181" + "4000000000000000",
				"00c3" + "01" + "81" + "4000000000000000" + "00" }) {
			byte[] payload = Payloads.withFooter(java.util.HexFormat.of().parseHex(body));
			assertThatThrownBy(() -> DumpPayload.load(payload, EncodingLimits.DEFAULTS))
				.isInstanceOf(BadPayloadException.class);
		}
	}

}
