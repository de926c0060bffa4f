package dev.larder.cache.serialization;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.larder.cache.testtypes.Customer;
import dev.larder.cache.testtypes.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What every {@link ValueSerializer} does with the values caches commonly hold. */
abstract class SerializerContract {

	static final TypeAllowList ALLOW_TEST_TYPES = TypeAllowList.of(List.of("dev.larder.cache.testtypes"));

	abstract ValueSerializer serializer(TypeAllowList allowList);

	Object roundTrip(Object value) {
		ValueSerializer serializer = serializer(ALLOW_TEST_TYPES);
		return serializer.deserialize(serializer.serialize(value));
	}

	@Test
	void scalarsKeepTheirExactType() {
		for (Object value : List.of(42L, 42, 4.2d, 4.2f, (short) 4, (byte) 4, 'c', true, "text",
				new BigDecimal("12.50"), new BigInteger("123456789012345678901234567890"), UUID.randomUUID())) {
			Object back = roundTrip(value);
			assertThat(back).isEqualTo(value);
			assertThat(back).hasSameClassAs(value);
		}
	}

	@Test
	void javaTimeValuesRoundTrip() {
		for (Object value : List.of(LocalDate.of(2026, 11, 25), Instant.parse("2026-11-25T06:27:48.123Z"),
				Duration.ofMinutes(90), LocalDateTime.of(2026, 1, 2, 3, 4, 5),
				ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Berlin")).toOffsetDateTime(),
				ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Berlin")))) {
			assertThat(roundTrip(value)).isEqualTo(value);
		}
	}

	@Test
	void recordsAndBeansRoundTrip() {
		Product tea = new Product(1, "Tea", 3.5);
		Customer customer = new Customer("Ada", LocalDate.of(2020, 1, 1), Instant.parse("2026-11-25T06:00:00Z"),
				new ArrayList<>(List.of(tea)), new LinkedHashMap<>(Map.of("visits", 12L, "tag", "vip")),
				Customer.Tier.GOLD);
		assertThat(roundTrip(tea)).isEqualTo(tea);
		Object back = roundTrip(customer);
		assertThat(back).isInstanceOf(Customer.class).isEqualTo(customer);
		assertThat(((Customer) back).getAttributes().get("visits")).isInstanceOf(Long.class);
	}

	@Test
	void collectionsKeepTheirElementTypes() {
		List<Product> products = List.of(new Product(1, "Tea", 3.5), new Product(2, "Jam", 4));
		Object back = roundTrip(products);
		assertThat(back).isEqualTo(products);
		assertThat(((List<?>) back).get(0)).isInstanceOf(Product.class);
		assertThat(roundTrip(new ArrayList<>(products))).isEqualTo(products);
		assertThat(roundTrip(Set.of(1L, 2L))).isEqualTo(Set.of(1L, 2L));
		Map<String, Product> byName = new HashMap<>(Map.of("tea", new Product(1, "Tea", 3.5)));
		assertThat(roundTrip(byName)).isEqualTo(byName);
		assertThat(roundTrip(new TreeMap<>(Map.of("b", 2L, "a", 1L))))
			.isEqualTo(new TreeMap<>(Map.of("a", 1L, "b", 2L)));
		assertThat(roundTrip(List.of())).isEqualTo(List.of());
		assertThat(roundTrip(new long[] { 1, 2 })).isEqualTo(new long[] { 1, 2 });
	}

	@Test
	void nullRoundTrips() {
		ValueSerializer serializer = serializer(ALLOW_TEST_TYPES);
		assertThat(serializer.deserialize(serializer.serialize(null))).isNull();
	}

	@Test
	void typesOutsideTheAllowListAreRefusedNamingTheTypeAndTheProperty() {
		ValueSerializer writer = serializer(ALLOW_TEST_TYPES);
		byte[] bytes = writer.serialize(new Product(1, "Tea", 3.5));
		ValueSerializer reader = serializer(TypeAllowList.jdkValueTypesOnly());
		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> reader.deserialize(bytes))
			.withMessageContaining("dev.larder.cache.testtypes.Product")
			.withMessageContaining("larder.serialization.allowed-packages=dev.larder.cache.testtypes");
	}

}
