package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The parser's memory follows the bytes a client sent, not the lengths it declared: a
 * header announcing a huge argument costs nothing until the argument's bytes arrive
 * (issue 15: 400 clients each declaring 1 MiB once exhausted the heap).
 */
class RespParserTest {

	private final RespParser parser = new RespParser(64 * 1024, 1024 * 1024, () -> 512L * 1024 * 1024, () -> false);

	@Test
	void aDeclaredButUnsentArgumentHoldsAtMostOneChunk() throws ProtocolException {
		feed("*3\r\n$3\r\nSET\r\n$2\r\nk0\r\n$536870912\r\n");
		assertThat(parser.parse()).isNull();
		assertThat(parser.buffered()).isLessThanOrEqualTo(RespParser.BIG_ARG + 64);
	}

	@Test
	void aBigArgumentGrowsWithWhatArrivesAndIsParsedWhole() throws ProtocolException {
		int size = 3 * 1024 * 1024 + 17;
		byte[] value = new byte[size];
		for (int i = 0; i < size; i++) {
			value[i] = (byte) ('a' + i % 26);
		}
		feed("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + size + "\r\n");
		int sent = 0;
		int chunk = 100_000;
		while (sent < size) {
			int n = Math.min(chunk, size - sent);
			feed(Arrays.copyOfRange(value, sent, sent + n));
			sent += n;
			assertThat(parser.parse()).isNull();
			// doubling from what arrived: never more than twice the bytes received
			assertThat(parser.buffered()).isLessThanOrEqualTo(Math.max(2L * sent, RespParser.BIG_ARG) + 64);
		}
		feed("\r\n");
		byte[][] command = parser.parse();
		assertThat(command).hasNumberOfRows(3);
		assertThat(command[2]).isEqualTo(value);
		assertThat(parser.buffered()).isZero();
	}

	private void feed(String s) {
		feed(s.getBytes(StandardCharsets.ISO_8859_1));
	}

	private void feed(byte[] bytes) {
		ByteBuf in = Unpooled.wrappedBuffer(bytes);
		try {
			parser.append(in);
		}
		finally {
			in.release();
		}
	}

}
