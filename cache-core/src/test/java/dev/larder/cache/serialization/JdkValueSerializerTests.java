package dev.larder.cache.serialization;

import java.io.Serializable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdkValueSerializerTests extends SerializerContract {

	@Override
	ValueSerializer serializer(TypeAllowList allowList) {
		return new JdkValueSerializer(allowList);
	}

	@Override
	void recordsAndBeansRoundTrip() {
		// The shared test types are not Serializable; Java serialization needs that by
		// design.
	}

	@Override
	@Test
	void typesOutsideTheAllowListAreRefusedNamingTheTypeAndTheProperty() {
		ValueSerializer writer = serializer(TypeAllowList.of(java.util.List.of("dev.larder.cache.serialization")));
		byte[] bytes = writer.serialize(new Point(1, 2));
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> serializer(TypeAllowList.jdkValueTypesOnly()).deserialize(bytes))
			.withMessageContaining(Point.class.getName())
			.withMessageContaining("larder.serialization.allowed-packages=dev.larder.cache.serialization");
	}

	@Override
	@Test
	void collectionsKeepTheirElementTypes() {
		ValueSerializer serializer = serializer(TypeAllowList.of(java.util.List.of("dev.larder.cache.serialization")));
		java.util.List<Point> points = java.util.List.of(new Point(1, 2), new Point(3, 4));
		org.assertj.core.api.Assertions.assertThat(serializer.deserialize(serializer.serialize(points)))
			.isEqualTo(points);
		java.util.Map<Long, String> byId = new java.util.TreeMap<>(java.util.Map.of(1L, "a"));
		org.assertj.core.api.Assertions.assertThat(serializer.deserialize(serializer.serialize(byId))).isEqualTo(byId);
	}

	@Test
	void nonSerializableValuesAreRefusedWithTheirType() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer(ALLOW_TEST_TYPES).serialize(new Object()))
			.withMessageContaining("java.lang.Object")
			.withMessageContaining("Serializable");
	}

	record Point(int x, int y) implements Serializable {
	}

}
