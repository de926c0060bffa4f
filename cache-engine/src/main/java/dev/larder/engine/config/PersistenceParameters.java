package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.LONG_MAX;
import static dev.larder.engine.config.ConfigFlag.IMMUTABLE;
import static dev.larder.engine.config.ConfigFlag.PROTECTED;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.MEMORY;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.OFF_T;

import java.util.List;

/**
 * RDB snapshots and the append-only file. The engine has no persistence: save and
 * appendonly accept only their off values, the tuning of what is not there is kept.
 */
final class PersistenceParameters {

	private PersistenceParameters() {
	}

	static void addTo(ConfigTable.Builder b) {
		b.add(new SaveParameter());
		b.add(new BoolParameter("appendonly", null, Binding.stored(false),
				Unsupported.unless(false, Unsupported.PERSISTENCE)));
		// the process's working directory, as Redis's getcwd(): where a dump would go
		b.add(StringParameter.readOnly("dir", null, () -> ConfigArgs.fromUtf8(System.getProperty("user.dir", "")),
				PROTECTED));
		b.add(StringParameter.stored("dbfilename", "dump.rdb", PROTECTED));
		b.add(BoolParameter.stored("rdbcompression", true));
		b.add(BoolParameter.stored("rdbchecksum", true, IMMUTABLE));
		b.add(BoolParameter.stored("rdb-del-sync-files", false));
		b.add(BoolParameter.stored("rdb-save-incremental-fsync", true));
		b.add(BoolParameter.stored("stop-writes-on-bgsave-error", true));
		b.add(StringParameter.stored("appendfilename", "appendonly.aof", IMMUTABLE));
		b.add(StringParameter.stored("appenddirname", "appendonlydir", IMMUTABLE));
		b.add(EnumParameter.stored("appendfsync", List.of("everysec", "always", "no"), "everysec"));
		b.add(BoolParameter.stored("no-appendfsync-on-rewrite", false));
		b.add(NumericParameter.stored("auto-aof-rewrite-percentage", INT, 0, INT_MAX, 100, INTEGER));
		b.add(NumericParameter.stored("auto-aof-rewrite-min-size", OFF_T, 0, LONG_MAX, 64 * 1024 * 1024, MEMORY));
		b.add(BoolParameter.stored("aof-load-truncated", true));
		b.add(BoolParameter.stored("aof-use-rdb-preamble", true));
		b.add(BoolParameter.stored("aof-timestamp-enabled", false));
		b.add(BoolParameter.stored("aof-rewrite-incremental-fsync", true));
		b.add(BoolParameter.stored("aof-disable-auto-gc", false));
	}

}
