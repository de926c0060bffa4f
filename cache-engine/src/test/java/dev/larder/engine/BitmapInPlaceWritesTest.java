package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SETBIT and BITFIELD change a bitmap's bytes in place rather than copying the string for
 * every bit: what was handed out before (a reply still being written, a copy made by
 * COPY) must never see a later write.
 */
class BitmapInPlaceWritesTest {

	private final Engine engine = Engine.start(EngineConfig.builder().build());

	@AfterEach
	void close() {
		engine.close();
	}

	@Test
	void aReplyKeepsTheBytesItWasGivenWhenBitsChangeLater() {
		for (int lastBit : new int[] { 7, 400 }) {
			engine.execute("DEL", "k");
			engine.execute("SETBIT", "k", Integer.toString(lastBit), "1");
			byte[] got = bytes("GET", "k");
			byte[] snapshot = got.clone();
			byte[] range = bytes("GETRANGE", "k", "0", "-1");
			byte[] substr = bytes("SUBSTR", "k", "0", "-1");
			engine.execute("SETBIT", "k", "0", "1");
			engine.execute("BITFIELD", "k", "SET", "u8", "0", "255", "INCRBY", "u8", "#0", "1");
			assertThat(got).isEqualTo(snapshot);
			assertThat(range).isEqualTo(snapshot);
			assertThat(substr).isEqualTo(snapshot);
			assertThat(bytes("GET", "k")[0]).isZero();
			// the first byte went to 255 and wrapped to 0; a bit past it stays set
			assertThat(engine.execute("GETBIT", "k", Integer.toString(lastBit)))
				.isEqualTo(Reply.integer(lastBit < 8 ? 0 : 1));
		}
	}

	@Test
	void aStringSetBySetIsCopiedBeforeItsFirstBitChanges() {
		engine.execute("SET", "k", "x".repeat(100));
		byte[] got = bytes("GET", "k");
		engine.execute("SETBIT", "k", "0", "1");
		engine.execute("SETBIT", "k", "1", "1");
		assertThat(new String(got, StandardCharsets.ISO_8859_1)).isEqualTo("x".repeat(100));
		assertThat(bytes("GET", "k")[0]).isEqualTo((byte) ('x' | 0xc0));
	}

	@Test
	void copiesAndTheirSourcesChangeApart() {
		engine.execute("SETBIT", "k", "0", "1");
		engine.execute("COPY", "k", "c");
		engine.execute("SETBIT", "c", "1", "1");
		engine.execute("BITOP", "NOT", "n", "k");
		engine.execute("SETBIT", "n", "7", "0");
		engine.execute("SETBIT", "k", "2", "1");
		assertThat(bytes("GET", "k")).containsExactly(0xa0);
		assertThat(bytes("GET", "c")).containsExactly(0xc0);
		assertThat(bytes("GET", "n")).containsExactly(0x7e);
		engine.execute("RENAME", "k", "r");
		engine.execute("SETBIT", "r", "3", "1");
		assertThat(bytes("GET", "r")).containsExactly(0xb0);
		assertThat(engine.execute("OBJECT", "ENCODING", "r")).isEqualTo(Reply.bulk("raw"));
	}

	private byte[] bytes(String... command) {
		return ((Reply.BulkString) engine.execute(command)).value();
	}

}
