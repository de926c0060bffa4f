package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.INT_MIN;
import static dev.larder.engine.config.CLimits.LONG_MAX;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.MEMORY;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.LONG_LONG;
import static dev.larder.engine.config.NumericType.SIZE_T;
import static dev.larder.engine.config.NumericType.ULONG;

import dev.larder.engine.keyspace.EncodingLimits;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How values are stored and kept tidy: the small-collection encodings, bound to the
 * engine's {@link EncodingLimits} (OBJECT ENCODING and the order of HGETALL, SMEMBERS and
 * friends follow them, as in Redis); the list and stream node sizes, active
 * defragmentation, lazy freeing and active expiry effort, which are kept.
 */
final class EncodingParameters {

	private EncodingParameters() {
	}

	static void addTo(ConfigTable.Builder b, EncodingLimits limits) {
		b.add(limit("hash-max-listpack-entries", "hash-max-ziplist-entries", INTEGER, limits::hashMaxListpackEntries,
				limits::hashMaxListpackEntries));
		b.add(limit("hash-max-listpack-value", "hash-max-ziplist-value", MEMORY, limits::hashMaxListpackValue,
				limits::hashMaxListpackValue));
		b.add(limit("set-max-intset-entries", null, INTEGER, limits::setMaxIntsetEntries, limits::setMaxIntsetEntries));
		b.add(limit("zset-max-listpack-entries", "zset-max-ziplist-entries", INTEGER, limits::zsetMaxListpackEntries,
				limits::zsetMaxListpackEntries));
		b.add(limit("zset-max-listpack-value", "zset-max-ziplist-value", MEMORY, limits::zsetMaxListpackValue,
				limits::zsetMaxListpackValue));
		b.add(NumericParameter.stored("list-max-listpack-size", "list-max-ziplist-size", INT, INT_MIN, INT_MAX, -2,
				INTEGER));
		b.add(NumericParameter.stored("list-compress-depth", INT, 0, INT_MAX, 0, INTEGER));
		b.add(limit("stream-node-max-bytes", null, MEMORY, limits::streamNodeMaxBytes, limits::streamNodeMaxBytes));
		b.add(new NumericParameter("stream-node-max-entries", null, LONG_LONG, 0, LONG_MAX, INTEGER,
				Binding.of(limits::streamNodeMaxEntries, limits::streamNodeMaxEntries), Check.none()));
		b.add(limit("hll-sparse-max-bytes", null, MEMORY, limits::hllSparseMaxBytes, limits::hllSparseMaxBytes));
		b.add(BoolParameter.stored("activerehashing", true));
		b.add(new BoolParameter("activedefrag", null, Binding.stored(false), RedisChecks.activeDefrag()));
		b.add(NumericParameter.stored("active-defrag-cycle-min", INT, 1, 99, 1, INTEGER));
		b.add(NumericParameter.stored("active-defrag-cycle-max", INT, 1, 99, 25, INTEGER));
		b.add(NumericParameter.stored("active-defrag-threshold-lower", INT, 0, 1000, 10, INTEGER));
		b.add(NumericParameter.stored("active-defrag-threshold-upper", INT, 0, 1000, 100, INTEGER));
		b.add(NumericParameter.stored("active-defrag-ignore-bytes", SIZE_T, 1, LONG_MAX, 100 << 20, MEMORY));
		b.add(NumericParameter.stored("active-defrag-max-scan-fields", ULONG, 1, LONG_MAX, 1000, INTEGER));
		for (String lazy : List.of("lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del",
				"lazyfree-lazy-user-del", "lazyfree-lazy-user-flush")) {
			b.add(BoolParameter.stored(lazy, false));
		}
		b.add(NumericParameter.stored("active-expire-effort", INT, 1, 10, 1, INTEGER));
		b.add(EnumParameter.stored("sanitize-dump-payload", List.of("no", "yes", "clients"), "no"));
	}

	/** A size_t encoding limit: 0 to LONG_MAX, as createSizeTConfig declares them. */
	private static NumericParameter limit(String name, @Nullable String alias, NumericFormat format,
			LongSupplier getter, LongConsumer setter) {
		return new NumericParameter(name, alias, SIZE_T, 0, LONG_MAX, format,
				Binding.of(getter::getAsLong, setter::accept), Check.none());
	}

}
