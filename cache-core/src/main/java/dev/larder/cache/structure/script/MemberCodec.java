package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;

import dev.larder.cache.serialization.ValueSerializer;

/** How sorted-set members become the bytes the backend orders ties by, and back. */
interface MemberCodec<T> {

	byte[] encode(T member);

	T decode(byte[] bytes);

	static MemberCodec<String> utf8() {
		return new MemberCodec<>() {

			@Override
			public byte[] encode(String member) {
				return member.getBytes(StandardCharsets.UTF_8);
			}

			@Override
			public String decode(byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8);
			}

		};
	}

	static <T> MemberCodec<T> serialized(ValueSerializer serializer, Class<T> type) {
		return new MemberCodec<>() {

			@Override
			public byte[] encode(T member) {
				return serializer.serialize(member);
			}

			@Override
			public T decode(byte[] bytes) {
				Object value = serializer.deserialize(bytes);
				if (!type.isInstance(value)) {
					throw new IllegalStateException("Sorted set member " + value + " is not a " + type.getName()
							+ "; was the set written with another member type?");
				}
				return type.cast(value);
			}

		};
	}

}
