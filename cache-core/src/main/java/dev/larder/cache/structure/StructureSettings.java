package dev.larder.cache.structure;

import java.time.InstantSource;
import java.util.Objects;

import dev.larder.cache.serialization.ValueSerializer;
import org.jspecify.annotations.Nullable;

/**
 * What a backend's structures share with its caches: the key prefix (so one Redis can
 * hold several applications) and the serializer for typed sorted-set members; and, for
 * tests only, a clock.
 *
 * @param keyPrefix prepended to every structure key, as to every cache key
 * @param serializer writes members of {@code sortedSets.set(name, Class)}; may be null
 * when only string members are used (typed sets then fail with a message saying so)
 * @param clock the time rate limiters count with; null (the default) means the backend's
 * own clock ({@code TIME} in Redis), which every application instance sharing the backend
 * agrees on. A clock of their own is for tests that move time by hand; instances sharing
 * a backend must then share the clock too
 */
public record StructureSettings(String keyPrefix, @Nullable ValueSerializer serializer, @Nullable InstantSource clock) {

	private static final StructureSettings DEFAULTS = new StructureSettings("", null, null);

	public StructureSettings {
		Objects.requireNonNull(keyPrefix, "keyPrefix");
	}

	/** No prefix, string members only, the backend's clock. */
	public static StructureSettings defaults() {
		return DEFAULTS;
	}

	public StructureSettings withKeyPrefix(String keyPrefix) {
		return new StructureSettings(keyPrefix, this.serializer, this.clock);
	}

	public StructureSettings withSerializer(@Nullable ValueSerializer serializer) {
		return new StructureSettings(this.keyPrefix, serializer, this.clock);
	}

	public StructureSettings withClock(@Nullable InstantSource clock) {
		return new StructureSettings(this.keyPrefix, this.serializer, clock);
	}

	public StructureKeys keys() {
		return new StructureKeys(this.keyPrefix);
	}

}
