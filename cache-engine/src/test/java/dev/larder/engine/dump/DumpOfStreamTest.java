package dev.larder.engine.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import org.junit.jupiter.api.Test;

class DumpOfStreamTest {

	@Test
	void dumpOfAStreamIsRefusedAndTheStreamStays() {
		try (Engine engine = Engine.start(EngineConfig.builder().build())) {
			engine.execute("XADD", "events", "1-1", "type", "signup");
			assertThat(engine.execute("DUMP", "events"))
				.isEqualTo(Reply.error("ERR DUMP of a stream is not supported by this engine yet"));
			assertThat(engine.execute("XLEN", "events")).isEqualTo(Reply.integer(1));
		}
	}

}
