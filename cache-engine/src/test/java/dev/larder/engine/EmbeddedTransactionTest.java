package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions for in-process Java callers: {@link Engine#transaction} and
 * {@link Engine.EngineSession#transaction}, and MULTI/EXEC sent through {@code execute}
 * as any client would.
 */
class EmbeddedTransactionTest {

	private final Engine engine = Engine.start(EngineConfig.builder().build());

	@AfterEach
	void stop() {
		engine.close();
	}

	private long number(Reply reply) {
		return Long.parseLong(((Reply.BulkString) reply).asString());
	}

	@Test
	void engineTransactionRunsTheQueuedCommands() {
		List<Reply> replies = engine.transaction(tx -> {
			assertThat(tx.execute("SET", "n", "1")).isEqualTo(new Reply.SimpleString("QUEUED"));
			tx.execute("INCR", "n");
			tx.execute("LPUSH", "n", "x");
		});
		assertThat(replies).hasSize(3);
		assertThat(replies.get(0)).isEqualTo(Reply.OK);
		assertThat(replies.get(1)).isEqualTo(Reply.integer(2));
		assertThat(replies.get(2).isError()).as("runtime error, the others kept").isTrue();
		assertThat(number(engine.execute("GET", "n"))).isEqualTo(2);
	}

	@Test
	void aCommandRefusedWhileQueueingThrowsExecabort() {
		assertThatIllegalStateException().isThrownBy(() -> engine.transaction(tx -> {
			tx.execute("SET", "a", "1");
			tx.execute("SET", "b");
		})).withMessage("EXECABORT Transaction discarded because of previous errors.");
		assertThat(engine.execute("EXISTS", "a")).isEqualTo(Reply.integer(0));
	}

	@Test
	void anExceptionInTheBodyDiscardsTheTransaction() {
		try (Engine.EngineSession session = engine.openSession()) {
			assertThatThrownBy(() -> session.transaction(tx -> {
				tx.execute("SET", "a", "1");
				throw new IllegalArgumentException("changed my mind");
			})).hasMessage("changed my mind");
			assertThat(session.execute("EXEC")).isEqualTo(Reply.error("ERR EXEC without MULTI"));
		}
		assertThat(engine.execute("EXISTS", "a")).isEqualTo(Reply.integer(0));
	}

	@Test
	void watchMakesACheckAndSet() {
		engine.execute("SET", "stock", "10");
		try (Engine.EngineSession session = engine.openSession()) {
			session.execute("WATCH", "stock");
			long left = number(session.execute("GET", "stock"));
			engine.execute("DECR", "stock"); // someone else was quicker
			assertThat(session.transaction(tx -> tx.execute("SET", "stock", Long.toString(left - 1)))).isNull();
			List<Reply> done;
			do {
				session.execute("WATCH", "stock");
				long now = number(session.execute("GET", "stock"));
				done = session.transaction(tx -> tx.execute("SET", "stock", Long.toString(now - 1)));
			}
			while (done == null);
		}
		assertThat(number(engine.execute("GET", "stock"))).isEqualTo(8);
	}

	@Test
	void multiAndExecThroughExecute() {
		try (Engine.EngineSession session = engine.openSession()) {
			assertThat(session.execute("MULTI")).isEqualTo(Reply.OK);
			session.execute("SET", "k", "v");
			assertThat(session.execute("EXEC")).isEqualTo(Reply.array(Reply.OK));
		}
	}

	@Test
	void closingASessionForgetsItsWatches() {
		Engine.EngineSession watcher = engine.openSession();
		watcher.execute("WATCH", "k");
		watcher.close();
		try (Engine.EngineSession other = engine.openSession()) {
			other.execute("WATCH", "k");
			engine.execute("SET", "k", "v");
			assertThat(other.transaction(tx -> tx.execute("GET", "k"))).isNull();
		}
	}

}
