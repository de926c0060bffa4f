package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.config.CNumbers;
import dev.larder.engine.config.ConfigTable;
import dev.larder.engine.config.ProtectedActions;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import dev.larder.engine.keyspace.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * DEBUG, as Redis 7.0.15's debugCommand (src/debug.c) dispatches it: each subcommand is
 * matched by name and argument count in Redis's order, and anything else is the
 * subcommand syntax error. Refused before it runs unless enable-debug-command allows it
 * ({@link #refusal}).
 *
 * <p>
 * What the engine honours: HELP, SLEEP (holding every shard's lock, so key commands wait
 * as Redis's single thread would), SET-ACTIVE-EXPIRE, PAUSE-CRON, DIGEST, DIGEST-VALUE,
 * OBJECT, SDSLEN, LISTPACK, QUICKLIST, POPULATE, PROTOCOL, ERROR, LOG, CHANGE-REPL-ID,
 * STRINGMATCH-TEST, SET-DISABLE-DENY-SCRIPTS and RELOAD and LOADAOF as described on their
 * methods. The settings that only steer Redis internals the engine does not have
 * (QUICKLIST-PACKED-THRESHOLD, SET-SKIP-CHECKSUM-VALIDATION, AOF-FLUSH-SLEEP,
 * REPLYBUFFER, DROP-CLUSTER-PACKET-FILTER, REPLICATE with no replica to feed, LEAK) are
 * validated as Redis validates them, stored, and answered OK. Crashing, restarting and
 * introspecting C structures (SEGFAULT, PANIC, ASSERT, OOM, RESTART, CRASH-AND-RECOVER,
 * STRUCTSIZE, HTSTATS, HTSTATS-KEY, CONFIG-REWRITE-FORCE-ALL, CLIENT-EVICTION) answer an
 * error naming the subcommand rather than a made-up success. MALLCTL and MALLCTL-STR find
 * no entry (the engine has no jemalloc), and JMAP is unknown, as in Redis 7.0.
 */
final class DebugCommands {

	private static final System.Logger log = System.getLogger(DebugCommands.class.getName());

	static final String NOT_ALLOWED = "ERR DEBUG command not allowed. If the enable-debug-command option is set to "
			+ "\"local\", you can run it from a local connection, otherwise you need to set this option in the "
			+ "configuration file, and then restart the server.";

	private static final String[] HELP = { "AOF-FLUSH-SLEEP <microsec>",
			"    Server will sleep before flushing the AOF, this is used for testing.", "ASSERT",
			"    Crash by assertion failed.", "CHANGE-REPL-ID", "    Change the replication IDs of the instance.",
			"    Dangerous: should be used only for testing the replication subsystem.", "CONFIG-REWRITE-FORCE-ALL",
			"    Like CONFIG REWRITE but writes all configuration options, including",
			"    keywords not listed in original configuration file or default values.",
			"CRASH-AND-RECOVER [<milliseconds>]",
			"    Hard crash and restart after a <milliseconds> delay (default 0).", "DIGEST",
			"    Output a hex signature representing the current DB content.", "DIGEST-VALUE <key> [<key> ...]",
			"    Output a hex signature of the values of all the specified keys.", "ERROR <string>",
			"    Return a Redis protocol error with <string> as message. Useful for clients",
			"    unit tests to simulate Redis errors.", "LEAK <string>",
			"    Create a memory leak of the input string.", "LOG <message>", "    Write <message> to the server log.",
			"HTSTATS <dbid>", "    Return hash table statistics of the specified Redis database.", "HTSTATS-KEY <key>",
			"    Like HTSTATS but for the hash table stored at <key>'s value.", "LOADAOF",
			"    Flush the AOF buffers on disk and reload the AOF in memory.", "REPLICATE <string>",
			"    Replicates the provided string to replicas, allowing data divergence.", "MALLCTL <key> [<val>]",
			"    Get or set a malloc tuning integer.", "MALLCTL-STR <key> [<val>]",
			"    Get or set a malloc tuning string.", "OBJECT <key>",
			"    Show low level info about `key` and associated value.", "DROP-CLUSTER-PACKET-FILTER <packet-type>",
			"    Drop all packets that match the filtered type. Set to -1 allow all packets.", "OOM",
			"    Crash the server simulating an out-of-memory error.", "PANIC",
			"    Crash the server simulating a panic.", "POPULATE <count> [<prefix>] [<size>]",
			"    Create <count> string keys named key:<num>. If <prefix> is specified then",
			"    it is used instead of the 'key' prefix. These are not propagated to",
			"    replicas. Cluster slots are not respected so keys not belonging to the",
			"    current node can be created in cluster mode.", "PROTOCOL <type>",
			"    Reply with a test value of the specified type. <type> can be: string,",
			"    integer, double, bignum, null, array, set, map, attrib, push, verbatim,", "    true, false.",
			"RELOAD [option ...]", "    Save the RDB on disk and reload it back to memory. Valid <option> values:",
			"    * MERGE: conflicting keys will be loaded from RDB.",
			"    * NOFLUSH: the existing database will not be removed before load, but",
			"      conflicting keys will generate an exception and kill the server.",
			"    * NOSAVE: the database will be loaded from an existing RDB file.", "    Examples:",
			"    * DEBUG RELOAD: verify that the server is able to persist, flush and reload", "      the database.",
			"    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an",
			"      existing RDB file.", "    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB",
			"      file to the database.", "RESTART [<milliseconds>]",
			"    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).", "SDSLEN <key>",
			"    Show low level SDS string info representing `key` and value.", "SEGFAULT",
			"    Crash the server with sigsegv.", "SET-ACTIVE-EXPIRE <0|1>",
			"    Setting it to 0 disables expiring keys in background when they are not",
			"    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the", "    default.",
			"QUICKLIST-PACKED-THRESHOLD <size>",
			"    Sets the threshold for elements to be inserted as plain vs packed nodes",
			"    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.",
			"SET-SKIP-CHECKSUM-VALIDATION <0|1>",
			"    Enables or disables checksum checks for RDB files and RESTORE's payload.", "SLEEP <seconds>",
			"    Stop the server for <seconds>. Decimals allowed.", "STRINGMATCH-TEST",
			"    Run a fuzz tester against the stringmatchlen() function.", "STRUCTSIZE",
			"    Return the size of different Redis core C structures.", "LISTPACK <key>",
			"    Show low level info about the listpack encoding of <key>.", "QUICKLIST <key> [<0|1>]",
			"    Show low level info about the quicklist encoding of <key>.",
			"    The optional argument (0 by default) sets the level of detail", "CLIENT-EVICTION",
			"    Show low level client eviction pools info (maxmemory-clients).", "PAUSE-CRON <0|1>",
			"    Stop periodic cron job processing.", "REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>",
			"    Sets the time (in milliseconds) to wait between client reply buffer peak resets.",
			"    In case NEVER is provided the last observed peak will never be reset",
			"    In case RESET is provided the peak reset time will be restored to the default value",
			"REPLYBUFFER RESIZING <0|1>", "    Enable or disable the reply buffer resize cron job",
			"CLUSTERLINK KILL <to|from|all> <node-id>",
			"    Kills the link based on the direction to/from (both) with the provided node." };

	/** object.c's OBJ_ENCODING_EMBSTR_SIZE_LIMIT and sizeof(robj). */
	private static final int EMBSTR_LIMIT = 44;

	private static final int ROBJ = 16;

	private static final String NOT_POSITIVE = "ERR value is out of range, must be positive";

	private static final String PROTOCOL_TYPES = "ERR Wrong protocol type name. Please use one of the following: "
			+ "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false";

	/** quicklist.c: a packed threshold must stay under 4 GB minus 1 MB. */
	private static final long MAX_PACKED_THRESHOLD = (1L << 32) - (1L << 20);

	private DebugCommands() {
	}

	static void register(CommandTable t) {
		t.bind(ServerCommandSpecs.DEBUG, DebugCommands::debug);
	}

	/**
	 * processCommand's check of a protected command, after its arity and before
	 * authentication: DEBUG runs only when enable-debug-command is yes, or local and the
	 * client is on the loopback interface; null when allowed. A renamed DEBUG stays
	 * protected, as Redis checks the command's procedure, not its name.
	 */
	static @Nullable String refusal(EngineCore core, ClientSession session, Command command) {
		if (command.spec() != ServerCommandSpecs.DEBUG
				|| ProtectedActions.allowed(core.parameters(), "enable-debug-command", session.address())) {
			return null;
		}
		return NOT_ALLOWED;
	}

	private static Reply debug(CommandContext c) {
		String sub = Bytes.string(c.arg(1)).toLowerCase(Locale.ROOT);
		int argc = c.argc();
		Reply reply = switch (sub) {
			case "help" -> argc == 2 ? ConnectionCommands.help("DEBUG", HELP) : null;
			case "segfault", "panic", "assert", "oom" -> unsupported(sub, "the engine does not crash on request");
			case "restart", "crash-and-recover" -> restart(c, sub);
			case "log" -> argc == 3 ? log(c) : null;
			case "leak" -> argc == 3 ? Reply.OK : null; // nothing to leak: the JVM
														// collects it
			case "reload" -> reload(c);
			case "loadaof" -> loadaof(c);
			case "drop-cluster-packet-filter" -> argc == 3 ? longThenOk(c.arg(2)) : null;
			case "object" -> argc == 3 ? object(c) : null;
			case "sdslen" -> argc == 3 ? sdslen(c) : null;
			case "listpack" -> argc == 3 ? encodingDump(c, "listpack", "Listpack") : null;
			case "quicklist" -> argc == 3 || argc == 4 ? encodingDump(c, "quicklist", "Quicklist") : null;
			case "populate" -> argc >= 3 && argc <= 5 ? populate(c) : null;
			case "digest" -> argc == 2
					? new Reply.SimpleString(DatasetDigest.hex(DatasetDigest.dataset(c.core().keyspace()))) : null;
			case "digest-value" -> digestValue(c);
			case "protocol" -> argc == 3 ? protocol(c) : null;
			case "sleep" -> argc == 3 ? sleep(c) : null;
			case "set-active-expire" ->
				argc == 3 ? set(() -> c.core().debug().activeExpire(atoi(c.arg(2)) != 0)) : null;
			case "quicklist-packed-threshold" -> argc == 3 ? packedThreshold(c) : null;
			case "set-skip-checksum-validation" ->
				argc == 3 ? set(() -> c.core().debug().skipChecksumValidation(atoi(c.arg(2)) != 0)) : null;
			case "aof-flush-sleep" ->
				argc == 3 ? set(() -> c.core().debug().aofFlushSleepMicros(atoi(c.arg(2)))) : null;
			case "replicate" -> argc >= 3 ? Reply.OK : null; // a master without replicas
																// feeds nobody
			case "error" -> argc == 3 ? Reply.error(Bytes.string(c.arg(2))) : null;
			case "structsize" -> argc == 2 ? unsupported(sub, "the engine has no C structures") : null;
			case "htstats" -> argc == 3 ? htstats(c) : null;
			case "htstats-key" -> argc == 3 ? htstatsKey(c) : null;
			case "change-repl-id" -> argc == 2 ? changeReplId(c) : null;
			case "stringmatch-test" -> argc == 2 ? stringmatchTest() : null;
			case "set-disable-deny-scripts" ->
				argc == 3 ? set(() -> c.core().debug().disableDenyScripts(atoi(c.arg(2)) != 0)) : null;
			case "config-rewrite-force-all" -> argc == 2
					? Reply.error("ERR CONFIG-REWRITE-FORCE-ALL failed: the engine runs without a config file") : null;
			case "client-eviction" -> argc == 2 ? clientEviction(c) : null;
			case "pause-cron" -> argc == 3 ? set(() -> c.core().debug().cronPaused(atoi(c.arg(2)) != 0)) : null;
			case "replybuffer" -> argc == 4 ? replyBuffer(c) : null;
			// as a jemalloc build answers for a name it has no entry for (ENOENT)
			case "mallctl", "mallctl-str" -> argc >= 3 ? Reply.error("ERR No such file or directory") : null;
			case "clusterlink" -> argc == 5 && Bytes.equalsIgnoreCase(c.arg(2), "kill")
					? Reply.error("ERR Debug option only available for cluster mode enabled setup!") : null;
			default -> null;
		};
		return reply != null ? reply : subcommandSyntaxError(c.arg(1));
	}

	/** addReplySubcommandSyntaxError. */
	static Reply subcommandSyntaxError(byte[] sub) {
		String name = new String(sub, 0, Math.min(sub.length, 128), StandardCharsets.ISO_8859_1);
		return Reply.error(Errors
			.sanitize("ERR unknown subcommand or wrong number of arguments for '" + name + "'. Try DEBUG HELP."));
	}

	private static Reply unsupported(String sub, String why) {
		return Reply.error("ERR DEBUG " + sub.toUpperCase(Locale.ROOT) + " is not supported: " + why);
	}

	private static Reply set(Runnable change) {
		change.run();
		return Reply.OK;
	}

	/** RESTART and CRASH-AND-RECOVER parse their delay first, as Redis does. */
	private static Reply restart(CommandContext c, String sub) {
		if (c.argc() >= 3 && Bytes.parseLong(c.arg(2)) == null) {
			return Reply.error(Errors.NOT_INTEGER);
		}
		return unsupported(sub, "the engine cannot restart itself");
	}

	private static Reply longThenOk(byte[] arg) {
		return Bytes.parseLong(arg) == null ? Reply.error(Errors.NOT_INTEGER) : Reply.OK;
	}

	private static Reply log(CommandContext c) {
		log.log(System.Logger.Level.WARNING, "DEBUG LOG: {0}", Bytes.string(c.arg(2)));
		return Reply.OK;
	}

	/**
	 * RELOAD [MERGE|NOFLUSH|NOSAVE]: the engine keeps no RDB file, so a save and a load
	 * leave the data as it is, save what a load drops: keys whose time to live has
	 * passed. Flushing and reloading also tells WATCH and client tracking that every
	 * database was flushed, as Redis's emptyData does.
	 */
	private static Reply reload(CommandContext c) {
		for (int j = 2; j < c.argc(); j++) {
			byte[] opt = c.arg(j);
			if (!Bytes.equalsIgnoreCase(opt, "merge") && !Bytes.equalsIgnoreCase(opt, "noflush")
					&& !Bytes.equalsIgnoreCase(opt, "nosave")) {
				return Reply.error("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
			}
		}
		Keyspace ks = c.core().keyspace();
		ks.changes().flushed(-1);
		dropExpired(c);
		log.log(System.Logger.Level.INFO, "DB reloaded by DEBUG RELOAD");
		return Reply.OK;
	}

	/**
	 * rdbLoad skips expired keys when it loads on a master, silently: no event, no
	 * expired_keys count (the flush before told WATCH and tracking already).
	 */
	private static void dropExpired(CommandContext c) {
		Keyspace ks = c.core().keyspace();
		for (int d = 0; d < ks.databaseCount(); d++) {
			Database db = ks.db(d);
			for (int s = 0; s < ks.shardCount(); s++) {
				Shard shard = ks.shard(s);
				shard.lock();
				try {
					List<KeyEntry> expired = new ArrayList<>();
					long now = c.now();
					db.forEach(s, e -> {
						if (e.isExpired(now)) {
							expired.add(e);
						}
					});
					expired.forEach(db::remove);
				}
				finally {
					shard.unlock();
				}
			}
		}
	}

	/**
	 * LOADAOF: with appendonly no, Redis empties the data and finds no AOF to load, so
	 * every database ends empty and the answer is OK. With appendonly yes there would be
	 * an AOF to read back, which the engine never wrote: an error.
	 */
	private static Reply loadaof(CommandContext c) {
		ConfigTable.Entry aof = c.core().parameters().lookup("appendonly");
		if (aof != null && aof.parameter().get().equals("yes")) {
			return Reply.error("ERR Error trying to load the AOF files, check server logs.");
		}
		Keyspace ks = c.core().keyspace();
		for (int i = 0; i < ks.databaseCount(); i++) {
			KeyCommands.clearDatabase(ks, ks.db(i));
		}
		ks.changes().flushed(-1);
		return Reply.OK;
	}

	/** OBJECT reads the stored entry even past its time to live (dictFind). */
	private static Reply object(CommandContext c) {
		byte[] key = c.arg(2);
		Shard shard = shardOf(c, key);
		shard.lock();
		try {
			KeyEntry e = c.db().peek(key);
			return e == null ? Reply.error(Errors.NO_SUCH_KEY) : new Reply.SimpleString(DebugObject.line(c, e));
		}
		finally {
			shard.unlock();
		}
	}

	/**
	 * SDSLEN: the key's and a raw or embstr value's sds figures. The engine holds no sds:
	 * these are the figures of the sds Redis makes for strings of these lengths (sized by
	 * jemalloc's classes, an embstr for up to 44 bytes), not those of a value that grew
	 * by APPEND or SETRANGE, whose spare room depends on its history.
	 */
	private static Reply sdslen(CommandContext c) {
		byte[] key = c.arg(2);
		Shard shard = shardOf(c, key);
		shard.lock();
		try {
			KeyEntry e = c.db().peek(key);
			if (e == null) {
				return Reply.error(Errors.NO_SUCH_KEY);
			}
			Object value = e.value();
			if (!(value instanceof byte[] s) || Values.encoding(value).equals("int")) {
				return Reply.error("ERR Not an sds encoded string.");
			}
			long keyHeader = sdsHeader(key.length);
			long keyAlloc = jemallocSize(keyHeader + key.length + 1);
			// SDS_TYPE_5 has no room for an alloc field: its avail is always 0
			long keyAvail = keyHeader == 1 ? 0 : keyAlloc - keyHeader - 1 - key.length;
			long valAlloc;
			long valAvail;
			if (s.length <= EMBSTR_LIMIT) {
				// robj and sdshdr8 in one allocation; the sds's alloc is its length
				valAlloc = jemallocSize(ROBJ + 3 + s.length + 1) - ROBJ;
				valAvail = 0;
			}
			else {
				long header = sdsHeader(s.length);
				valAlloc = jemallocSize(header + s.length + 1);
				valAvail = valAlloc - header - 1 - s.length;
				if (valAvail > s.length / 10) {
					valAvail = 0; // trimStringObjectIfNeeded gave the room back
				}
			}
			return new Reply.SimpleString("key_sds_len:" + key.length + ", key_sds_avail:" + keyAvail
					+ ", key_zmalloc: " + keyAlloc + ", val_sds_len:" + s.length + ", val_sds_avail:" + valAvail
					+ ", val_zmalloc: " + valAlloc);
		}
		finally {
			shard.unlock();
		}
	}

	/** sdsReqType's header size: sdshdr5, 8, 16, 32 or 64. */
	private static long sdsHeader(long len) {
		return len < 32 ? 1 : len < 256 ? 3 : len < 65536 ? 5 : len <= 0xFFFFFFFFL ? 9 : 17;
	}

	/**
	 * jemalloc's size class for {@code n} bytes: 8, then multiples of 16 up to 128, then
	 * four classes per doubling (pages beyond the small classes round the same way).
	 */
	static long jemallocSize(long n) {
		if (n <= 8) {
			return 8;
		}
		if (n <= 128) {
			return (n + 15) & ~15L;
		}
		long spacing = Long.highestOneBit(n - 1) >>> 2;
		return (n + spacing - 1) / spacing * spacing;
	}

	/**
	 * LISTPACK and QUICKLIST print the structure on Redis's stdout; the engine has no
	 * such structure to print, and answers as Redis does once the encoding matches.
	 */
	private static Reply encodingDump(CommandContext c, String encoding, String name) {
		byte[] key = c.arg(2);
		Shard shard = shardOf(c, key);
		shard.lock();
		try {
			KeyEntry e = c.db().lookupNoTouch(key);
			if (e == null) {
				return Reply.error(Errors.NO_SUCH_KEY);
			}
			if (!Values.encoding(e.value()).equals(encoding)) {
				return Reply.error("ERR Not a " + encoding + " encoded object.");
			}
			return new Reply.SimpleString(name + " structure printed on stdout");
		}
		finally {
			shard.unlock();
		}
	}

	/**
	 * POPULATE count [prefix] [size]: string keys prefix:0.. with values value:0.., or
	 * values of {@code size} bytes starting with that text and zero-filled; existing keys
	 * are skipped. No keyspace event, as dbAdd sends none, but WATCH and tracking learn
	 * of each key.
	 */
	private static Reply populate(CommandContext c) {
		// getPositiveLongFromObjectOrReply has one error for both a non-number and a
		// negative one
		Long keys = Bytes.parseLong(c.arg(2));
		if (keys == null || keys < 0) {
			return Reply.error(NOT_POSITIVE);
		}
		long size = 0;
		if (c.argc() == 5) {
			Long parsed = Bytes.parseLong(c.arg(4));
			if (parsed == null || parsed < 0) {
				return Reply.error(NOT_POSITIVE);
			}
			size = parsed;
		}
		String prefix = c.argc() == 3 ? "key" : Bytes.string(c.arg(3));
		Database db = c.db();
		for (long j = 0; j < keys; j++) {
			byte[] key = cut((prefix + ":" + j).getBytes(StandardCharsets.ISO_8859_1));
			byte[] text = ("value:" + j).getBytes(StandardCharsets.US_ASCII);
			byte[] value = size == 0 ? text : Arrays.copyOf(text, Math.toIntExact(size));
			Shard shard = shardOf(c, key);
			shard.lock();
			try {
				if (db.lookup(key) != null) {
					continue;
				}
				db.add(key, value);
			}
			finally {
				shard.unlock();
			}
			c.modified(key);
		}
		return Reply.OK;
	}

	/** snprintf into a 128-byte buffer keeps 127 bytes. */
	private static byte[] cut(byte[] key) {
		return key.length > 127 ? Arrays.copyOf(key, 127) : key;
	}

	/** DIGEST-VALUE key...: one status per key, zeros for a missing one. */
	private static Reply digestValue(CommandContext c) {
		List<Reply> out = new ArrayList<>();
		for (int j = 2; j < c.argc(); j++) {
			byte[] key = c.arg(j);
			Shard shard = shardOf(c, key);
			shard.lock();
			try {
				out.add(new Reply.SimpleString(DatasetDigest.hex(DatasetDigest.value(c.db().peek(key)))));
			}
			finally {
				shard.unlock();
			}
		}
		return new Reply.ArrayReply(out);
	}

	/** PROTOCOL type: one value of each RESP3 type, degraded for RESP2 as Redis does. */
	private static Reply protocol(CommandContext c) {
		String name = Bytes.string(c.arg(2)).toLowerCase(Locale.ROOT);
		return switch (name) {
			case "string" -> Reply.bulk("Hello World");
			case "integer" -> Reply.integer(12345);
			case "double" -> new Reply.DoubleReply(3.141);
			case "bignum" -> new Reply.BigNumber("1234567999999999999999999999999999999");
			case "null" -> Reply.NULL;
			case "array" -> Reply.array(Reply.integer(0), Reply.integer(1), Reply.integer(2));
			case "set" -> new Reply.SetReply(List.of(Reply.integer(0), Reply.integer(1), Reply.integer(2)));
			case "map" -> new Reply.MapReply(List.of(Reply.integer(0), new Reply.BooleanReply(false), Reply.integer(1),
					new Reply.BooleanReply(true), Reply.integer(2), new Reply.BooleanReply(false)));
			case "attrib" -> {
				Reply real = Reply.bulk("Some real reply following the attribute");
				yield c.resp3() ? new Reply.Sequence(List.of(new Reply.Attribute(
						List.of(Reply.bulk("key-popularity"), Reply.array(Reply.bulk("key:123"), Reply.integer(90)))),
						real)) : real;
			}
			case "push" -> c.resp3()
					? new Reply.Sequence(
							List.of(new Reply.Push(List.of(Reply.bulk("server-cpu-usage"), Reply.integer(42))),
									Reply.bulk("Some real reply following the push reply")))
					: Reply.error("ERR RESP2 is not supported by this command");
			case "true" -> new Reply.BooleanReply(true);
			case "false" -> new Reply.BooleanReply(false);
			case "verbatim" -> new Reply.VerbatimString("txt", "This is a verbatim\nstring");
			default -> Reply.error(PROTOCOL_TYPES);
		};
	}

	/**
	 * SLEEP seconds (C's strtod: a prefix that is no number sleeps 0, fractions allowed,
	 * a negative time returns at once). Redis's whole server stops; here every shard's
	 * lock is held, so commands on keys wait. A caller that already holds a shard (EXEC,
	 * a script) sleeps without taking more, as locks are only taken in ascending order.
	 */
	private static Reply sleep(CommandContext c) {
		double seconds = Strtod.parse(c.arg(2)).value;
		long micros = (long) (seconds * 1_000_000);
		if (micros <= 0) {
			return Reply.OK;
		}
		Keyspace ks = c.core().keyspace();
		int locked = 0;
		try {
			if (!holdsAnyShard(ks)) {
				for (; locked < ks.shardCount(); locked++) {
					ks.shard(locked).lock();
				}
			}
			TimeUnit.MICROSECONDS.sleep(micros);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			for (int s = locked - 1; s >= 0; s--) {
				ks.shard(s).unlock();
			}
		}
		return Reply.OK;
	}

	private static boolean holdsAnyShard(Keyspace ks) {
		for (int s = 0; s < ks.shardCount(); s++) {
			if (ks.shard(s).isHeldByCurrentThread()) {
				return true;
			}
		}
		return false;
	}

	private static Reply packedThreshold(CommandContext c) {
		OptionalLong parsed = CNumbers.memtoull(Bytes.string(c.arg(2)));
		long bytes = parsed.orElse(-1);
		if (parsed.isEmpty() || Long.compareUnsigned(bytes, MAX_PACKED_THRESHOLD) > 0) {
			return Reply.error("ERR argument must be a memory value bigger than 1 and smaller than 4gb");
		}
		c.core().debug().packedThreshold(bytes == 0 ? DebugSettings.DEFAULT_PACKED_THRESHOLD : bytes);
		return Reply.OK;
	}

	/** HTSTATS checks its database number, then has no Redis dict to describe. */
	private static Reply htstats(CommandContext c) {
		Long db = Bytes.parseLong(c.arg(2));
		if (db == null) {
			return Reply.error(Errors.NOT_INTEGER);
		}
		if (db < 0 || db >= c.core().keyspace().databaseCount()) {
			return Reply.error("ERR Out of range database");
		}
		return unsupported("htstats", "the engine's keyspace is not a Redis dict");
	}

	private static Reply htstatsKey(CommandContext c) {
		byte[] key = c.arg(2);
		Shard shard = shardOf(c, key);
		shard.lock();
		try {
			KeyEntry e = c.db().lookupNoTouch(key);
			if (e == null) {
				return Reply.error(Errors.NO_SUCH_KEY);
			}
			String encoding = Values.encoding(e.value());
			if (!encoding.equals("hashtable") && !encoding.equals("skiplist")) {
				return Reply.error("ERR The value stored at the specified key is not represented using an hash table");
			}
			return unsupported("htstats-key", "the engine's values are not Redis dicts");
		}
		finally {
			shard.unlock();
		}
	}

	private static Reply changeReplId(CommandContext c) {
		log.log(System.Logger.Level.INFO, "Changing replication IDs after receiving DEBUG change-repl-id");
		c.core().introspection().changeReplId();
		return Reply.OK;
	}

	/**
	 * STRINGMATCH-TEST: stringmatchlen_fuzz_test's shape, random patterns against random
	 * strings through the engine's glob matcher, which must come back (the test is that
	 * nothing crashes or hangs).
	 */
	private static Reply stringmatchTest() {
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		byte[] pattern = new byte[32];
		byte[] string = new byte[32];
		for (int i = 0; i < 100_000; i++) {
			int plen = rnd.nextInt(pattern.length);
			int slen = rnd.nextInt(string.length);
			for (int k = 0; k < plen; k++) {
				pattern[k] = (byte) rnd.nextInt(256);
			}
			for (int k = 0; k < slen; k++) {
				string[k] = (byte) rnd.nextInt(256);
			}
			GlobMatcher.matches(Arrays.copyOf(pattern, plen), Arrays.copyOf(string, slen));
		}
		return new Reply.SimpleString("Apparently Redis did not crash: test passed");
	}

	private static Reply clientEviction(CommandContext c) {
		ConfigTable.Entry entry = c.core().parameters().lookup("maxmemory-clients");
		if (entry == null || entry.parameter().get().equals("0")) {
			return Reply.error("ERR maxmemory-clients is disabled.");
		}
		return unsupported("client-eviction", "the engine keeps no client memory buckets");
	}

	private static Reply replyBuffer(CommandContext c) {
		DebugSettings d = c.core().debug();
		if (Bytes.equalsIgnoreCase(c.arg(2), "peak-reset-time")) {
			if (Bytes.equalsIgnoreCase(c.arg(3), "never")) {
				d.replyBufferPeakResetTime(-1);
			}
			else if (Bytes.equalsIgnoreCase(c.arg(3), "reset")) {
				d.replyBufferPeakResetTime(DebugSettings.DEFAULT_PEAK_RESET_TIME);
			}
			else {
				Long millis = Bytes.parseLong(c.arg(3));
				if (millis == null) {
					return Reply.error(Errors.NOT_INTEGER);
				}
				d.replyBufferPeakResetTime(millis);
			}
		}
		else if (Bytes.equalsIgnoreCase(c.arg(2), "resizing")) {
			d.replyBufferResizing(atoi(c.arg(3)) != 0);
		}
		else {
			return subcommandSyntaxError(c.arg(1));
		}
		return Reply.OK;
	}

	private static Shard shardOf(CommandContext c, byte[] key) {
		Keyspace ks = c.core().keyspace();
		return ks.shard(ks.shardIndex(key));
	}

	/** C's atoi (glibc: strtol saturating, then narrowed to int). */
	static int atoi(byte[] s) {
		int i = 0;
		while (i < s.length && (s[i] == ' ' || s[i] >= '\t' && s[i] <= '\r')) {
			i++;
		}
		boolean negative = false;
		if (i < s.length && (s[i] == '+' || s[i] == '-')) {
			negative = s[i] == '-';
			i++;
		}
		long value = 0;
		for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
			int digit = s[i] - '0';
			if (value > (Long.MAX_VALUE - digit) / 10) {
				return (int) (negative ? Long.MIN_VALUE : Long.MAX_VALUE);
			}
			value = value * 10 + digit;
		}
		return (int) (negative ? -value : value);
	}

}
