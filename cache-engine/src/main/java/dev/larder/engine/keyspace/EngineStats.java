package dev.larder.engine.keyspace;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters INFO reports, with Redis's meanings. LongAdders: every command bumps some of
 * them.
 */
public final class EngineStats {

	public final long startMillis = System.currentTimeMillis();

	/**
	 * When SAVE or BGSAVE last "saved" (LASTSAVE, rdb_last_save_time); the start until
	 * then, as in a Redis that loaded nothing. The engine writes no file: see
	 * PersistenceCommands.
	 */
	public volatile long lastSaveMillis = startMillis;

	/** SAVEs and BGSAVEs answered (rdb_saves). */
	public final LongAdder rdbSaves = new LongAdder();

	/** BGREWRITEAOFs answered (aof_rewrites). */
	public final LongAdder aofRewrites = new LongAdder();

	/** Whether a BGSAVE was answered (rdb_last_bgsave_time_sec is then 0, else -1). */
	public volatile boolean bgsaveDone;

	/** Whether a BGREWRITEAOF was answered (aof_last_rewrite_time_sec 0, else -1). */
	public volatile boolean aofRewriteDone;

	public final LongAdder commandsProcessed = new LongAdder();

	public final LongAdder connectionsReceived = new LongAdder();

	public final LongAdder rejectedConnections = new LongAdder();

	public final LongAdder expiredKeys = new LongAdder();

	/** Keys evicted to stay under maxmemory (INFO stats evicted_keys). */
	public final LongAdder evictedKeys = new LongAdder();

	public final LongAdder keyspaceHits = new LongAdder();

	public final LongAdder keyspaceMisses = new LongAdder();

	public final LongAdder errorReplies = new LongAdder();

	public final AtomicInteger connectedClients = new AtomicInteger();

	/**
	 * CONFIG RESETSTAT (resetServerStats): zeroes the counters Redis zeroes; the start
	 * time and the connected clients, which are state rather than counts, stay.
	 */
	public void reset() {
		commandsProcessed.reset();
		connectionsReceived.reset();
		rejectedConnections.reset();
		expiredKeys.reset();
		evictedKeys.reset();
		keyspaceHits.reset();
		keyspaceMisses.reset();
		errorReplies.reset();
	}

}
