package dev.larder.cache.refresh;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeTests {

	@Test
	void bytesRoundTripWithTheirMetadata() {
		byte[] payload = "{\"name\":\"Tea\"}".getBytes(StandardCharsets.UTF_8);
		Object stored = new Envelope(payload, 1_000_000L, 60_000L, 1234L).toStored();
		assertThat(stored).isInstanceOf(byte[].class);
		assertThat(((byte[]) stored).length).isEqualTo(Envelope.HEADER_BYTES + payload.length);
		Envelope opened = Envelope.open(stored);
		assertThat(opened).isEqualTo(new Envelope(payload, 1_000_000L, 60_000L, 1234L));
	}

	@Test
	void plainSerializedValuesAreNotEnvelopes() {
		assertThat(Envelope.open("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(Envelope.open("null".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(Envelope.open(new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5 })).isNull();
		assertThat(Envelope.open(new byte[] { 0, 'L', 'R', 1 })).as("too short").isNull();
		assertThat(Envelope.open(new byte[0])).isNull();
	}

	@Test
	void referencesAreWrappedInTheEnvelopeItself() {
		Envelope envelope = new Envelope("value", 5L, 1L, 0L);
		assertThat(envelope.toStored()).isSameAs(envelope);
		assertThat(Envelope.open(envelope)).isSameAs(envelope);
		assertThat(Envelope.open("value")).isNull();
	}

}
