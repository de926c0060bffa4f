package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stream's running memory figure never drifts from a recount, whatever mix of
 * appends, deletions, trims and consumer-group changes it sees, and copies count the same
 * as their originals.
 */
class StreamValueTest {

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void memoryFigureMatchesARecountThroughEveryChange() {
		StreamValue s = new StreamValue();
		EncodingLimits limits = new EncodingLimits();
		limits.streamNodeMaxEntries(7);
		Random rnd = new Random(42);
		StreamValue.Group g = s.createGroup(bytes("g"), StreamId.MIN, 0);
		assertThat(g).isNotNull();
		long ms = 1;
		for (int i = 0; i < 2000; i++) {
			switch (rnd.nextInt(6)) {
				case 0, 1 -> s.append(new StreamId(ms++, 0),
						new byte[][] { bytes("f" + rnd.nextInt(3)), bytes("v".repeat(rnd.nextInt(40))) }, limits);
				case 2 -> s.delete(new StreamId(1 + rnd.nextInt((int) ms), 0));
				case 3 -> s.trim(rnd.nextInt(50), null, rnd.nextBoolean(), rnd.nextBoolean() ? 0 : 20);
				case 4 -> {
					StreamValue.Consumer c = g.consumer(bytes("c" + rnd.nextInt(3)));
					if (c == null) {
						c = g.createConsumer(bytes("c" + rnd.nextInt(3)), 0);
					}
					if (c != null && !s.entries().isEmpty() && !g.pel().containsKey(s.entries().lastKey())) {
						g.addPending(s.entries().lastKey(), c, 0, 1);
					}
				}
				default -> {
					StreamValue.Consumer c = g.consumer(bytes("c" + rnd.nextInt(3)));
					if (c != null && rnd.nextBoolean()) {
						g.deleteConsumer(c);
					}
					else if (!g.pel().isEmpty()) {
						g.removePending(g.pel().firstKey(), g.pel().firstEntry().getValue());
					}
				}
			}
			assertThat(s.memoryUsage()).isEqualTo(s.recount());
		}
		StreamValue copy = s.deepCopy();
		assertThat(copy.memoryUsage()).isEqualTo(copy.recount()).isEqualTo(s.memoryUsage());
		s.destroyGroup(g);
		assertThat(s.memoryUsage()).isEqualTo(s.recount());
	}

	@Test
	void nodesFillUpToTheEntryLimitDeletedEntriesIncluded() {
		StreamValue s = new StreamValue();
		EncodingLimits limits = new EncodingLimits();
		limits.streamNodeMaxEntries(3);
		for (int i = 1; i <= 7; i++) {
			s.append(new StreamId(i, 0), new byte[][] { bytes("f"), bytes("v") }, limits);
		}
		assertThat(s.nodeMasters()).containsExactly(new StreamId(1, 0), new StreamId(4, 0), new StreamId(7, 0));
		s.delete(new StreamId(7, 0));
		assertThat(s.nodeCount()).isEqualTo(2);
		assertThat(s.trim(1, null, true, 0)).isEqualTo(3);
		assertThat(s.length()).isEqualTo(3);
	}

}
