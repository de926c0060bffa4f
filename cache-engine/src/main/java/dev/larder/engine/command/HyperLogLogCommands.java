package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.HyperloglogCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.hll.HllSelfTest;
import dev.larder.engine.hll.HyperLogLog;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The HyperLogLog family (PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST), following the
 * command functions of Redis 7.0.15's hyperloglog.c (BSD-3-Clause, Copyright (c) 2014,
 * Salvatore Sanfilippo): which lookups they make (read or write, so hit/miss statistics
 * and keymiss events agree), the order of their checks, and what they signal. A
 * HyperLogLog is a plain string value in {@link HyperLogLog}'s format, replaced as a
 * whole when a command changes it.
 */
final class HyperLogLogCommands {

	static final String INVALID_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";

	static final String CORRUPTED_HLL = "INVALIDOBJ Corrupted HLL object detected";

	private HyperLogLogCommands() {
	}

	static void register(CommandTable t) {
		t.bind(HyperloglogCommandSpecs.PFADD, HyperLogLogCommands::pfadd);
		t.bind(HyperloglogCommandSpecs.PFCOUNT, HyperLogLogCommands::pfcount);
		t.bind(HyperloglogCommandSpecs.PFMERGE, HyperLogLogCommands::pfmerge);
		t.bind(HyperloglogCommandSpecs.PFDEBUG, HyperLogLogCommands::pfdebug);
		t.bind(HyperloglogCommandSpecs.PFSELFTEST, HyperLogLogCommands::pfselftest);
	}

	/**
	 * PFADD key [element ...]: 1 if the key was created or a register changed. An element
	 * met in a corrupted sparse value fails the command, keeping the registers the
	 * elements before it changed (stored, but neither signalled nor notified, as in
	 * Redis).
	 */
	private static Reply pfadd(CommandContext c) {
		byte[] key = c.arg(1);
		KeyEntry e = c.lookupWrite(key, ValueType.STRING);
		HyperLogLog hll = e == null ? HyperLogLog.create() : open(e);
		long sparseMaxBytes = c.core().encodingLimits().hllSparseMaxBytes();
		boolean updated = e == null;
		for (int j = 2; j < c.argc(); j++) {
			int result = hll.add(c.arg(j), sparseMaxBytes);
			if (result == -1) {
				store(c, key, e, hll);
				return Reply.error(CORRUPTED_HLL);
			}
			updated |= result == 1;
		}
		if (updated) {
			hll.invalidateCache();
		}
		store(c, key, e, hll);
		if (updated) {
			c.modified(key);
			c.notify(KeyChanges.NOTIFY_STRING, "pfadd", key);
		}
		return Reply.integer(updated ? 1 : 0);
	}

	/**
	 * PFCOUNT key [key ...]: one key answers its cached cardinality, or computes and
	 * caches it (a change of the value that Redis signals, though the command is
	 * read-only); several keys count the union of their registers and change nothing.
	 */
	private static Reply pfcount(CommandContext c) {
		if (c.argc() > 2) {
			byte[] max = new byte[HyperLogLog.REGISTERS];
			for (int j = 1; j < c.argc(); j++) {
				KeyEntry e = c.lookupRead(c.arg(j), ValueType.STRING);
				if (e != null && !open(e).mergeInto(max)) {
					return Reply.error(CORRUPTED_HLL);
				}
			}
			return Reply.integer(HyperLogLog.countRaw(max));
		}
		byte[] key = c.arg(1);
		KeyEntry e = c.lookupRead(key, ValueType.STRING);
		if (e == null) {
			return Reply.integer(0);
		}
		HyperLogLog hll = open(e);
		if (hll.validCache()) {
			return Reply.integer(hll.cachedCardinality());
		}
		long card = hll.count();
		if (card < 0) {
			return Reply.error(CORRUPTED_HLL);
		}
		hll.cacheCardinality(card);
		c.db().replaceValue(e, hll.bytes());
		c.modified(key);
		return Reply.integer(card);
	}

	/**
	 * PFMERGE destkey [sourcekey ...]: the destination is read as a source too; it is
	 * made dense when any input is, and always signalled, with a "pfadd" event.
	 */
	private static Reply pfmerge(CommandContext c) {
		byte[] max = new byte[HyperLogLog.REGISTERS];
		boolean useDense = false;
		for (int j = 1; j < c.argc(); j++) {
			KeyEntry e = c.lookupRead(c.arg(j), ValueType.STRING);
			if (e == null) {
				continue;
			}
			HyperLogLog source = open(e);
			useDense |= !source.isSparse();
			if (!source.mergeInto(max)) {
				return Reply.error(CORRUPTED_HLL);
			}
		}
		byte[] key = c.arg(1);
		// a destination that exists was read above, so it is a valid HyperLogLog
		KeyEntry e = c.db().lookup(key);
		HyperLogLog hll = e == null ? HyperLogLog.create() : HyperLogLog.of(e.asString());
		if (useDense && !hll.toDense()) {
			return Reply.error(CORRUPTED_HLL);
		}
		long sparseMaxBytes = c.core().encodingLimits().hllSparseMaxBytes();
		for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
			if (max[j] != 0) {
				hll.set(j, max[j], sparseMaxBytes);
			}
		}
		hll.invalidateCache();
		store(c, key, e, hll);
		c.modified(key);
		c.notify(KeyChanges.NOTIFY_STRING, "pfadd", key);
		return Reply.OK;
	}

	/**
	 * PFDEBUG GETREG|DECODE|ENCODING|TODENSE key. GETREG and TODENSE convert a sparse
	 * value to dense in place, unsignalled, as Redis does. The key is looked up before
	 * the subcommand is read.
	 */
	private static Reply pfdebug(CommandContext c) {
		byte[] sub = c.arg(1);
		byte[] key = c.arg(2);
		KeyEntry e = c.lookupWrite(key, ValueType.STRING);
		if (e == null) {
			return Reply.error("ERR The specified key does not exist");
		}
		HyperLogLog hll = open(e);
		if (Args.is(sub, "getreg")) {
			if (hll.isSparse()) {
				if (!hll.toDense()) {
					return Reply.error(CORRUPTED_HLL);
				}
				c.db().replaceValue(e, hll.bytes());
			}
			List<Reply> registers = new ArrayList<>(HyperLogLog.REGISTERS);
			for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
				registers.add(Reply.integer(hll.register(j)));
			}
			return new Reply.ArrayReply(registers);
		}
		if (Args.is(sub, "decode")) {
			if (!hll.isSparse()) {
				return Reply.error("ERR HLL encoding is not sparse");
			}
			return Reply.bulk(hll.decode());
		}
		if (Args.is(sub, "encoding")) {
			return new Reply.SimpleString(hll.isSparse() ? "sparse" : "dense");
		}
		if (Args.is(sub, "todense")) {
			if (!hll.isSparse()) {
				return Reply.integer(0);
			}
			if (!hll.toDense()) {
				return Reply.error(CORRUPTED_HLL);
			}
			c.db().replaceValue(e, hll.bytes());
			return Reply.integer(1);
		}
		return Reply.error(Errors
			.sanitize("ERR Unknown PFDEBUG subcommand '" + new String(sub, StandardCharsets.ISO_8859_1) + "'"));
	}

	/** PFSELFTEST: +OK, or the first failed check as a TESTFAILED error. */
	private static Reply pfselftest(CommandContext c) {
		String failed = HllSelfTest.run(c.core().encodingLimits().hllSparseMaxBytes(), ThreadLocalRandom.current());
		return failed == null ? Reply.OK : Reply.error(failed);
	}

	/**
	 * isHLLObjectOrReply for a string value: the HyperLogLog it holds, or the WRONGTYPE
	 * error that names HyperLogLog.
	 */
	private static HyperLogLog open(KeyEntry e) {
		byte[] value = e.asString();
		if (!HyperLogLog.isValid(value)) {
			throw new ReplyException(INVALID_HLL);
		}
		return HyperLogLog.of(value);
	}

	/** Stores a new key, or the changed value of an existing one (its TTL kept). */
	private static void store(CommandContext c, byte[] key, @Nullable KeyEntry e, HyperLogLog hll) {
		if (e == null) {
			c.db().add(key, hll.bytes());
		}
		else if (hll.changed()) {
			c.db().replaceValue(e, hll.bytes());
		}
	}

}
