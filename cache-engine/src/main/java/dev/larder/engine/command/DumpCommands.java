package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.GenericCommandSpecs;
import dev.larder.engine.dump.BadPayloadException;
import dev.larder.engine.dump.DumpPayload;
import dev.larder.engine.dump.UnsupportedValueException;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.CollectionValue;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;

/**
 * DUMP and RESTORE, as Redis 7.0.15's dumpCommand and restoreCommand (src/cluster.c): the
 * payload format is {@link DumpPayload}'s. RESTORE checks in Redis's order: options, an
 * existing key (BUSYKEY unless REPLACE), the TTL, the payload's version and checksum,
 * then the value; a TTL already in the past deletes the old key (with REPLACE) and stores
 * nothing, replying OK.
 */
final class DumpCommands {

	static final String BUSYKEY = "BUSYKEY Target key name already exists.";

	static final String BAD_TTL = "ERR Invalid TTL value, must be >= 0";

	static final String BAD_IDLETIME = "ERR Invalid IDLETIME value, must be >= 0";

	static final String BAD_FREQ = "ERR Invalid FREQ value, must be >= 0 and <= 255";

	static final String BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";

	static final String BAD_FORMAT = "ERR Bad data format";

	private DumpCommands() {
	}

	static void register(CommandTable t) {
		t.bind(GenericCommandSpecs.DUMP, DumpCommands::dump);
		t.bind(GenericCommandSpecs.RESTORE, DumpCommands::restore);
	}

	private static Reply dump(CommandContext c) {
		KeyEntry e = c.db().lookupRead(c.arg(1));
		if (e == null) {
			return Reply.NULL;
		}
		boolean compress = "yes".equals(parameter(c, "rdbcompression"));
		int fill = Integer.parseInt(parameter(c, "list-max-listpack-size"));
		try {
			return Reply.bulk(DumpPayload.create(e.value(), compress, fill));
		}
		catch (UnsupportedValueException ex) {
			// Redis dumps every type; an error that says so beats a payload nothing reads
			return Reply.error("ERR DUMP of a " + ex.type() + " is not supported by this engine yet");
		}
	}

	private static String parameter(CommandContext c, String name) {
		var entry = c.core().parameters().lookup(name);
		if (entry == null) {
			throw new IllegalStateException("the engine has no " + name + " parameter");
		}
		return entry.parameter().get();
	}

	private static Reply restore(CommandContext c) {
		boolean replace = false;
		boolean absttl = false;
		long freq = -1;
		long idle = -1;
		for (int j = 4; j < c.argc(); j++) {
			int additional = c.argc() - j - 1;
			byte[] opt = c.arg(j);
			if (Args.is(opt, "replace")) {
				replace = true;
			}
			else if (Args.is(opt, "absttl")) {
				absttl = true;
			}
			else if (Args.is(opt, "idletime") && additional >= 1 && freq == -1) {
				idle = Args.parseLong(c.arg(++j));
				if (idle < 0) {
					return Reply.error(BAD_IDLETIME);
				}
			}
			else if (Args.is(opt, "freq") && additional >= 1 && idle == -1) {
				freq = Args.parseLong(c.arg(++j));
				if (freq < 0 || freq > 255) {
					return Reply.error(BAD_FREQ);
				}
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		Database db = c.db();
		byte[] key = c.arg(1);
		if (!replace && db.lookup(key) != null) {
			return Reply.error(BUSYKEY);
		}
		long ttl = Args.parseLong(c.arg(2));
		if (ttl < 0) {
			return Reply.error(BAD_TTL);
		}
		byte[] payload = c.arg(3);
		if (!DumpPayload.verify(payload)) {
			return Reply.error(BAD_PAYLOAD);
		}
		Object value;
		try {
			value = DumpPayload.load(payload, c.core().encodingLimits());
		}
		catch (BadPayloadException ex) {
			return Reply.error(BAD_FORMAT);
		}
		boolean deleted = replace && db.delete(key);
		if (ttl != 0 && !absttl) {
			ttl += c.now();
		}
		if (ttl != 0 && ttl <= c.now()) {
			if (deleted) {
				c.modified(key);
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", key);
			}
			return Reply.OK;
		}
		KeyEntry e = value instanceof byte[] s ? db.add(key, s) : db.add(key, (CollectionValue) value);
		if (ttl != 0) {
			e = db.expireAt(e, ttl);
		}
		c.core().keyspace().access().restored(e, freq, idle);
		c.modified(key);
		c.notify(KeyChanges.NOTIFY_GENERIC, "restore", key);
		return Reply.OK;
	}

}
