package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.MutableClock;
import dev.larder.testing.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WATCH: whatever changes a watched key (another connection, the in-process API, a
 * script, a transaction, RENAME, an expiry) makes the watcher's EXEC answer a null array,
 * with Redis 7.0.15's rules for keys that were already expired when watched. Time is the
 * engine's clock, moved by the test.
 */
class WatchTest {

	private final MutableClock clock = new MutableClock();

	private Engine engine;

	private RespClient a;

	private RespClient b;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).clock(clock).build());
		a = new RespClient(engine.port());
		b = new RespClient(engine.port());
	}

	@AfterEach
	void stop() {
		a.close();
		b.close();
		engine.close();
	}

	/** MULTI, INCR of a counter, EXEC on a: whether the transaction ran. */
	private boolean transactionRuns() {
		a.call("MULTI");
		a.call("INCR", "counter");
		return !a.call("EXEC").isNull();
	}

	@Test
	void evictionOfAWatchedKeyFailsExec() {
		a.call("SET", "k", "v");
		a.call("WATCH", "k");
		b.call("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
		b.call("CONFIG", "SET", "maxmemory", "1mb");
		String filler = "x".repeat(100);
		for (int i = 0; b.call("EXISTS", "k").text().equals("1"); i++) {
			assertThat(i).as("k evicted by now").isLessThan(2_000_000);
			b.call("SET", "filler:" + i, filler);
		}
		b.call("CONFIG", "SET", "maxmemory", "0");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void untouchedWatchedKeysLetExecRun() {
		a.call("SET", "k", "v");
		a.call("WATCH", "k", "missing");
		b.call("SET", "other", "1");
		assertThat(transactionRuns()).isTrue();
	}

	@Test
	void aWriteThroughTheInProcessApiFailsExec() {
		a.call("WATCH", "k");
		engine.execute("SET", "k", "v");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void aScriptsWriteFailsExec() {
		a.call("WATCH", "k");
		b.call("EVAL", "return redis.call('SET', KEYS[1], 'v')", "1", "k");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void anotherTransactionsWriteFailsExec() {
		a.call("WATCH", "k");
		b.call("MULTI");
		b.call("LPUSH", "k", "x");
		b.call("EXEC");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void renameTouchesItsDestination() {
		a.call("SET", "src", "1");
		a.call("WATCH", "dst");
		b.call("RENAME", "src", "dst");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void aKeyWatchedInOneDatabaseIsNotTouchedByTheSameNameInAnother() {
		a.call("WATCH", "k");
		b.call("SELECT", "3");
		b.call("SET", "k", "v");
		assertThat(transactionRuns()).isTrue();
	}

	@Test
	void aWatchedKeyWhoseTimeToLivePassesBeforeExecFailsIt() {
		a.call("SET", "k", "v", "PX", "100");
		a.call("WATCH", "k");
		clock.advance(200);
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void aKeyAlreadyExpiredWhenWatchedDoesNotFailExec() {
		a.call("SET", "k", "v", "PX", "100");
		clock.advance(200);
		a.call("WATCH", "k");
		assertThat(transactionRuns()).isTrue();
	}

	@Test
	void deletingAKeyThatWasExpiredWhenWatchedIsNoChange() {
		a.call("SET", "k", "v", "PX", "100");
		clock.advance(200);
		a.call("WATCH", "k");
		b.call("GET", "k"); // lazy expiry deletes it
		b.call("DEL", "k");
		assertThat(transactionRuns()).isTrue();
	}

	@Test
	void recreatingAKeyThatWasExpiredWhenWatchedFailsExec() {
		a.call("SET", "k", "v", "PX", "100");
		clock.advance(200);
		a.call("WATCH", "k");
		b.call("SET", "k", "new");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void unwatchForgetsTheDirtyFlag() {
		a.call("WATCH", "k");
		b.call("SET", "k", "v");
		a.call("UNWATCH");
		assertThat(transactionRuns()).isTrue();
	}

	@Test
	void aDisconnectedWatcherIsForgotten() {
		RespClient c = new RespClient(engine.port());
		c.call("WATCH", "k");
		c.close();
		a.call("WATCH", "k");
		b.call("SET", "k", "v"); // reaches only a
		assertThat(transactionRuns()).isFalse();
		assertThat(transactionRuns()).as("EXEC unwatched").isTrue();
	}

	// The tests below depend on commands, expiry and eviction reporting their own
	// changes through KeyChanges (being added separately): until then the executor
	// reports every key a successful write names, and nothing else.

	@Test
	void expiryFoundByAnAccessFailsExec() {
		a.call("SET", "k", "v", "PX", "100");
		a.call("WATCH", "k");
		clock.advance(200);
		b.call("GET", "k");
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void activeExpiryFailsExec() {
		a.call("SET", "k", "v", "PX", "100");
		a.call("WATCH", "k");
		clock.advance(200);
		engine.expireCycle();
		assertThat(transactionRuns()).isFalse();
	}

	@Test
	void aWriteThatChangesNothingDoesNotFailExec() {
		a.call("SET", "k", "v");
		a.call("WATCH", "k");
		b.call("SET", "k", "other", "NX");
		assertThat(transactionRuns()).isTrue();
	}

	@Test
	void flushdbFailsExecOnlyForStoredWatchedKeys() {
		a.call("SET", "k", "v");
		a.call("WATCH", "missing");
		b.call("FLUSHDB");
		assertThat(transactionRuns()).isTrue();
		a.call("SET", "k", "v");
		a.call("WATCH", "k");
		b.call("FLUSHDB");
		assertThat(transactionRuns()).isFalse();
	}

}
