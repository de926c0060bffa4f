package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * MEMORY USAGE, STATS, DOCTOR, MALLOC-STATS, PURGE and HELP, with Redis 7.0's replies and
 * errors over the engine's own figures ({@link EngineMemory}).
 */
final class MemoryCommands {

	/** What Redis answers MEMORY MALLOC-STATS with when not built with jemalloc. */
	private static final String NO_MALLOC_STATS = "Stats not supported for the current allocator";

	/** MEMORY DOCTOR's threshold, as in Redis's getMemoryDoctorReport. */
	private static final long DOCTOR_EMPTY_BELOW = 5L * 1024 * 1024;

	private MemoryCommands() {
	}

	static void register(CommandTable t) {
		t.bindContainer(ServerCommandSpecs.MEMORY);
		t.bind(ServerCommandSpecs.MEMORY_USAGE, MemoryCommands::usage);
		t.bindWalkingKeyspace(ServerCommandSpecs.MEMORY_STATS, MemoryCommands::stats);
		t.bindWalkingKeyspace(ServerCommandSpecs.MEMORY_DOCTOR, MemoryCommands::doctor);
		t.bind(ServerCommandSpecs.MEMORY_MALLOC_STATS, c -> Reply.bulk(NO_MALLOC_STATS));
		// the JVM returns heap to the OS as its collector decides; nothing to purge
		t.bind(ServerCommandSpecs.MEMORY_PURGE, c -> Reply.OK);
		t.bind(ServerCommandSpecs.MEMORY_HELP,
				c -> ConnectionCommands.help("MEMORY", "DOCTOR", "    Return memory problems reports.", "MALLOC-STATS",
						"    Return internal statistics report from the memory allocator.", "PURGE",
						"    Attempt to purge dirty pages for reclamation by the allocator.", "STATS",
						"    Return information about the memory usage of the server.", "USAGE <key> [SAMPLES <count>]",
						"    Return memory in bytes used by <key> and its value. Nested values are",
						"    sampled up to <count> times (default: 5, 0 means sample all)."));
	}

	/**
	 * MEMORY USAGE key [SAMPLES count]: the key's entry, its bytes and its value. SAMPLES
	 * is checked as Redis checks it but changes nothing: the engine's figure is exact,
	 * not sampled.
	 */
	private static Reply usage(CommandContext c) {
		for (int j = 3; j < c.argc(); j++) {
			if (Args.is(c.arg(j), "samples") && j + 1 < c.argc()) {
				if (Args.parseLong(c.arg(j + 1)) < 0) {
					return Reply.error(Errors.SYNTAX);
				}
				j++;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		KeyEntry e = c.db().lookup(c.arg(2));
		return e == null ? Reply.NULL : Reply.integer(Database.memoryUsage(e));
	}

	private static EngineMemory.Report report(CommandContext c) {
		return c.core().memory().report(c.core().scripting().cache().size());
	}

	/** MEMORY STATS: Redis 7.0.15's fields, in its order. */
	private static Reply stats(CommandContext c) {
		EngineMemory.Report r = report(c);
		List<Reply> m = new ArrayList<>();
		put(m, "peak.allocated", r.peak());
		put(m, "total.allocated", r.used());
		put(m, "startup.allocated", r.startup());
		put(m, "replication.backlog", 0);
		put(m, "clients.slaves", 0);
		put(m, "clients.normal", r.clientsNormal());
		put(m, "cluster.links", 0);
		put(m, "aof.buffer", 0);
		put(m, "lua.caches", 0);
		put(m, "functions.caches", c.core().scripting().functions().memory());
		for (EngineMemory.DbOverhead db : r.dbs()) {
			List<Reply> d = new ArrayList<>();
			put(d, "overhead.hashtable.main", db.hashtableMain());
			put(d, "overhead.hashtable.expires", db.hashtableExpires());
			put(d, "overhead.hashtable.slot-to-keys", 0);
			m.add(Reply.bulk("db." + db.db()));
			m.add(new Reply.MapReply(d));
		}
		put(m, "overhead.total", r.overhead());
		put(m, "keys.count", r.keys());
		put(m, "keys.bytes-per-key", r.keys() == 0 ? 0 : r.netUsage() / r.keys());
		put(m, "dataset.bytes", r.dataset());
		put(m, "dataset.percentage", (float) r.datasetPercent());
		put(m, "peak.percentage", (float) r.peakPercent());
		put(m, "allocator.allocated", r.heapUsed());
		put(m, "allocator.active", r.heapCommitted());
		put(m, "allocator.resident", r.heapCommitted());
		put(m, "allocator-fragmentation.ratio", (float) r.allocatorFragmentation());
		put(m, "allocator-fragmentation.bytes", r.heapCommitted() - r.heapUsed());
		put(m, "allocator-rss.ratio", 1.0f);
		put(m, "allocator-rss.bytes", 0);
		put(m, "rss-overhead.ratio", 1.0f);
		put(m, "rss-overhead.bytes", 0);
		put(m, "fragmentation", (float) r.fragmentation());
		put(m, "fragmentation.bytes", r.heapCommitted() - r.used());
		return new Reply.MapReply(m);
	}

	private static void put(List<Reply> map, String name, long value) {
		map.add(Reply.bulk(name));
		map.add(Reply.integer(value));
	}

	/** A ratio Redis computes as a float, so it prints with a float's digits. */
	private static void put(List<Reply> map, String name, float value) {
		map.add(Reply.bulk(name));
		map.add(new Reply.DoubleReply(value));
	}

	/**
	 * MEMORY DOCTOR: Redis's report and texts for the checks that mean something on a JVM
	 * (little memory, a past peak, big client buffers, many scripts); Redis's allocator
	 * and RSS checks are left out, as the heap always holds garbage until it is collected
	 * and, in an application, the application's objects.
	 */
	private static Reply doctor(CommandContext c) {
		EngineMemory.Report r = report(c);
		return new Reply.VerbatimString("txt", doctorReport(r, c.core().stats().connectedClients.get()));
	}

	static String doctorReport(EngineMemory.Report r, long clients) {
		if (r.used() < DOCTOR_EMPTY_BELOW) {
			return "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in "
					+ "these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam "
					+ "and I will be back to our programming as soon as I finished rebooting.\n";
		}
		boolean bigPeak = (double) r.peak() / r.used() > 1.5;
		boolean bigClientBuffers = clients > 0 && r.clientsNormal() / clients > 1024 * 200;
		boolean manyScripts = r.cachedScripts() > 1000;
		if (!bigPeak && !bigClientBuffers && !manyScripts) {
			return "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this "
					+ "base.\n";
		}
		StringBuilder s = new StringBuilder("Sam, I detected a few issues in this Redis instance memory implants:\n\n");
		if (bigPeak) {
			s.append(
					" * Peak memory: In the past this instance used more than 150% the memory that is currently using. "
							+ "The allocator is normally not able to release memory after a peak, so you can expect to see a big "
							+ "fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if "
							+ "the Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be "
							+ "used as soon as you fill the Redis instance with more data. If the memory peak was only occasional "
							+ "and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the only "
							+ "other option is to shutdown and restart the instance.\n\n");
		}
		if (bigClientBuffers) {
			s.append(" * Big client buffers: The clients output buffers in this instance are greater than 200K per "
					+ "client (on average). This may result from different causes, like Pub/Sub clients subscribed to "
					+ "channels bot not receiving data fast enough, so that data piles on the Redis instance output "
					+ "buffer, or clients sending commands with large replies or very large sequences of commands in the "
					+ "same pipeline. Please use the CLIENT LIST command in order to investigate the issue if it causes "
					+ "problems in your instance, or to understand better why certain clients are using a big amount of "
					+ "memory.\n\n");
		}
		if (manyScripts) {
			s.append(
					" * Many scripts: There seem to be many cached scripts in this instance (more than 1000). This may "
							+ "be because scripts are generated and `EVAL`ed, instead of being parameterized (with KEYS and "
							+ "ARGV), `SCRIPT LOAD`ed and `EVALSHA`ed. Unless `SCRIPT FLUSH` is called periodically, the scripts' "
							+ "caches may end up consuming most of your memory.\n\n");
		}
		return s.append("I'm here to keep you safe, Sam. I want to help you.\n").toString();
	}

}
