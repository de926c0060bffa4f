package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InlineKeysTest {

	@Test
	void everyLengthUpToFifteenRoundTripsAndMatchesOnlyItself() {
		SplittableRandom rnd = new SplittableRandom(7);
		for (int n = 0; n <= InlineKeys.MAX; n++) {
			for (int trial = 0; trial < 200; trial++) {
				byte[] key = new byte[n];
				rnd.nextBytes(key);
				long low = InlineKeys.low(key);
				long high = InlineKeys.high(key);
				assertThat(InlineKeys.bytes(low, high)).isEqualTo(key);
				assertThat(InlineKeys.equals(low, high, key.clone())).isTrue();
				if (n > 0) {
					byte[] other = key.clone();
					other[rnd.nextInt(n)] ^= (byte) (1 + rnd.nextInt(255));
					assertThat(InlineKeys.equals(low, high, other)).isFalse();
				}
			}
		}
	}

	@Test
	void keysDifferingOnlyByTrailingZeroBytesDiffer() {
		byte[] shorter = { 'a', 'b' };
		byte[] longer = { 'a', 'b', 0 };
		assertThat(InlineKeys.equals(InlineKeys.low(shorter), InlineKeys.high(shorter), longer)).isFalse();
		assertThat(InlineKeys.equals(InlineKeys.low(longer), InlineKeys.high(longer), shorter)).isFalse();
		byte[] fifteen = new byte[15];
		byte[] sixteen = new byte[16];
		assertThat(InlineKeys.fits(sixteen)).isFalse();
		assertThat(InlineKeys.equals(InlineKeys.low(fifteen), InlineKeys.high(fifteen), sixteen)).isFalse();
	}

	@Test
	void aDictFindsInlineAndArrayKeysAlikeAndAnEmptyKeyIsNotTheMarker() {
		Dict<KeyEntry> dict = new Dict<>();
		byte[][] keys = { {}, "k".getBytes(), "fifteen bytes!!".getBytes(), "sixteen bytes!!!".getBytes() };
		for (byte[] key : keys) {
			dict.insert(KeyEntry.of(key, Bytes.hash(key), key));
		}
		for (byte[] key : keys) {
			KeyEntry e = dict.get(key.clone(), Bytes.hash(key));
			assertThat(e).isNotNull();
			assertThat(e.key()).isEqualTo(key);
			assertThat(dict.holds(e)).isTrue();
		}
		assertThat(dict.get(InlineKeys.MARKER, Bytes.hash(InlineKeys.MARKER)).key()).isEmpty();
		KeyEntry shortOne = dict.get(keys[1], Bytes.hash(keys[1]));
		assertThat(dict.removeEntry(shortOne)).isSameAs(shortOne);
		assertThat(dict.get(keys[1], Bytes.hash(keys[1]))).isNull();
		assertThat(Arrays.stream(keys).filter(k -> dict.get(k, Bytes.hash(k)) != null)).hasSize(3);
	}

}
