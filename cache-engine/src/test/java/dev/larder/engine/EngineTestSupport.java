package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An in-process engine on a hand-driven clock, with assertion helpers for replies. */
abstract class EngineTestSupport {

	protected MutableClock clock;

	protected Engine engine;

	@BeforeEach
	void startEngine() {
		clock = new MutableClock();
		engine = Engine.start(EngineConfig.builder().clock(clock).activeExpiry(false).shards(8).build());
	}

	@AfterEach
	void stopEngine() {
		engine.close();
	}

	protected Reply run(String... args) {
		return engine.execute(args);
	}

	protected static Reply bulk(String s) {
		return Reply.bulk(s);
	}

	protected static Reply integer(long n) {
		return Reply.integer(n);
	}

	protected static Reply err(String message) {
		return Reply.error(message);
	}

	protected static Reply array(Reply... items) {
		return Reply.array(items);
	}

	protected static Reply bulks(String... items) {
		List<Reply> out = new ArrayList<>();
		for (String s : items) {
			out.add(s == null ? Reply.NULL : Reply.bulk(s));
		}
		return Reply.array(out);
	}

	protected void expect(Reply expected, String... command) {
		assertThat(run(command)).as(String.join(" ", command)).isEqualTo(expected);
	}

	protected void expectError(String message, String... command) {
		expect(err(message), command);
	}

}
