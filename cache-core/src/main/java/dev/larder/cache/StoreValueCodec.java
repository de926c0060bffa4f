package dev.larder.cache;

import dev.larder.cache.serialization.ValueSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.support.NullValue;

/**
 * Converts between the store values Spring's cache layer works with (values, and
 * {@link NullValue} for a cached null) and what a backend keeps.
 */
sealed interface StoreValueCodec {

	Object encode(Object storeValue);

	Object decode(Object stored);

	static StoreValueCodec byReference() {
		return ByReference.INSTANCE;
	}

	static StoreValueCodec serializing(ValueSerializer serializer) {
		return new Serializing(serializer);
	}

	/** Local caches keep the objects themselves, as Spring's Caffeine cache does. */
	enum ByReference implements StoreValueCodec {

		INSTANCE;

		@Override
		public Object encode(Object storeValue) {
			return storeValue;
		}

		@Override
		public Object decode(Object stored) {
			return stored;
		}

	}

	/**
	 * Remote and store-by-value caches keep bytes; a cached null is the serializer's
	 * null.
	 */
	record Serializing(ValueSerializer serializer) implements StoreValueCodec {

		@Override
		public Object encode(Object storeValue) {
			return this.serializer.serialize((storeValue == NullValue.INSTANCE) ? null : storeValue);
		}

		@Override
		public Object decode(Object stored) {
			@Nullable Object value = this.serializer.deserialize((byte[]) stored);
			return (value != null) ? value : NullValue.INSTANCE;
		}

	}

}
