package dev.larder.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The watch table's answers to flushes and swaps (touchAllWatchedKeysInDb), reported here
 * through KeyChanges as FLUSHDB, FLUSHALL and SWAPDB report them (before they change the
 * keyspace), and the per-client state CLIENT LIST shows (multi=, flags x and d).
 */
class WatchRegistryTest {

	private final MutableClock clock = new MutableClock();

	private final EngineCore core = new EngineCore(EngineConfig.builder().clock(clock).activeExpiry(false).build());

	private final CommandExecutor executor = new CommandExecutor(core);

	private final ClientSession watcher = core.newEmbeddedSession();

	private final ClientSession writer = core.newEmbeddedSession();

	private Reply run(ClientSession session, String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = args[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		return executor.execute(session, bytes);
	}

	private void flush(int db) {
		core.keyspace().changes().flushed(db);
	}

	@Test
	void aFlushTouchesOnlyWatchedKeysThatAreStored() {
		run(writer, "SET", "stored", "v");
		run(watcher, "WATCH", "missing");
		flush(0);
		assertThat(watcher.watchDirty()).isFalse();
		run(watcher, "WATCH", "stored");
		flush(0);
		assertThat(watcher.watchDirty()).isTrue();
	}

	@Test
	void aFlushOfAnotherDatabaseTouchesNothing() {
		run(writer, "SET", "k", "v");
		run(watcher, "WATCH", "k");
		flush(5);
		assertThat(watcher.watchDirty()).isFalse();
		flush(-1);
		assertThat(watcher.watchDirty()).as("FLUSHALL").isTrue();
	}

	@Test
	void aFlushWithOnlyKeysExpiredWhenWatchedTouchesNothing() {
		run(writer, "SET", "k", "v", "PX", "10");
		clock.advance(20);
		run(watcher, "WATCH", "k");
		flush(0);
		assertThat(watcher.watchDirty()).isFalse();
		run(writer, "SET", "k", "again");
		assertThat(watcher.watchDirty()).as("after the flush it watches a missing key").isTrue();
	}

	@Test
	void aSwapTouchesAWatchedKeyStoredOnEitherSide() {
		run(writer, "SET", "k", "v");
		run(watcher, "SELECT", "1");
		run(watcher, "WATCH", "k");
		core.keyspace().changes().swapped(0, 1);
		assertThat(watcher.watchDirty()).as("db 1 gets db 0's k").isTrue();
	}

	@Test
	void aSwapOfMissingKeysOrOfExpiredForExpiredTouchesNothing() {
		run(watcher, "WATCH", "k");
		core.keyspace().changes().swapped(0, 1);
		assertThat(watcher.watchDirty()).isFalse();
		run(writer, "SET", "old", "v", "PX", "10");
		run(writer, "SELECT", "1");
		run(writer, "SET", "old", "w", "PX", "10");
		clock.advance(20);
		run(watcher, "WATCH", "old");
		core.keyspace().changes().swapped(0, 1);
		assertThat(watcher.watchDirty()).isFalse();
	}

	@Test
	void clientStateForClientList() {
		assertThat(watcher.inMulti()).isFalse();
		assertThat(watcher.queuedCommands()).isEqualTo(-1);
		run(watcher, "WATCH", "k");
		run(watcher, "MULTI");
		assertThat(watcher.inMulti()).isTrue();
		assertThat(watcher.queuedCommands()).isZero();
		run(watcher, "SET", "k", "1");
		run(watcher, "GET", "k");
		assertThat(watcher.queuedCommands()).isEqualTo(2);
		assertThat(watcher.watchDirty()).isFalse();
		run(writer, "SET", "k", "2");
		assertThat(watcher.watchDirty()).isTrue();
		assertThat(run(watcher, "EXEC")).isEqualTo(new Reply.NullReply(true));
		assertThat(watcher.watchDirty()).isFalse();
		assertThat(watcher.queuedCommands()).isEqualTo(-1);
	}

}
