package dev.larder.cache.serialization;

import org.jspecify.annotations.Nullable;

/**
 * Turns cached values into bytes and back, for backends that store bytes (remote ones,
 * and Caffeine when store-by-value is on).
 *
 * <p>
 * Implementations must round-trip {@code null}: a cached {@code null} is a real entry,
 * not a missing one. They must be thread-safe. A value that cannot be read back safely is
 * refused with an {@link UntrustedTypeException} rather than instantiated.
 */
public interface ValueSerializer {

	byte[] serialize(@Nullable Object value);

	@Nullable Object deserialize(byte[] bytes);

}
