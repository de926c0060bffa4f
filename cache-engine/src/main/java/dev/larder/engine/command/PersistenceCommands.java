package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.EngineStats;

/**
 * SAVE, BGSAVE [SCHEDULE] and BGREWRITEAOF for an engine that keeps no files: each
 * answers as a Redis whose save or rewrite succeeded at once, and INFO persistence and
 * LASTSAVE move accordingly (rdb_saves and aof_rewrites count up, rdb_last_save_time and
 * LASTSAVE become now, nothing is ever in progress).
 *
 * <p>
 * Why success and not an error: clients and test suites call these to make a server
 * durable or to reach a known state before a check, then poll
 * {@code rdb_bgsave_in_progress} and {@code aof_rewrite_in_progress} until 0 and compare
 * LASTSAVE before and after (Redis's waitForBgsave, waitForBgrewriteaof). Data the engine
 * holds is exactly what a save and reload would give back, so answering success keeps
 * those callers working without pretending to more than that; nothing is written to disk,
 * which the engine's documentation says.
 */
final class PersistenceCommands {

	private PersistenceCommands() {
	}

	static void register(CommandTable t) {
		t.bind(ServerCommandSpecs.SAVE, c -> {
			saved(c.core().stats());
			return Reply.OK;
		});
		t.bind(ServerCommandSpecs.BGSAVE, PersistenceCommands::bgsave);
		t.bind(ServerCommandSpecs.BGREWRITEAOF, c -> {
			EngineStats stats = c.core().stats();
			stats.aofRewrites.increment();
			stats.aofRewriteDone = true;
			return new Reply.SimpleString("Background append only file rewriting started");
		});
	}

	/**
	 * bgsaveCommand: SCHEDULE is the only option; no child is ever running, so the save
	 * starts (and here ends) at once.
	 */
	private static Reply bgsave(CommandContext c) {
		if (c.argc() > 1 && (c.argc() != 2 || !Bytes.equalsIgnoreCase(c.arg(1), "schedule"))) {
			return Reply.error(Errors.SYNTAX);
		}
		EngineStats stats = c.core().stats();
		saved(stats);
		stats.bgsaveDone = true;
		return new Reply.SimpleString("Background saving started");
	}

	private static void saved(EngineStats stats) {
		stats.rdbSaves.increment();
		stats.lastSaveMillis = System.currentTimeMillis();
	}

}
