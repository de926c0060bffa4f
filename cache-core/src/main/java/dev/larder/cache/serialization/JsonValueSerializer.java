package dev.larder.cache.serialization;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.impl.DefaultTypeResolverBuilder;

/**
 * The default {@link ValueSerializer}: JSON that carries each value's type, so that what
 * comes back is what went in (a {@code Long} stays a {@code Long}, a record stays a
 * record, a {@code List<Product>} holds products, not maps).
 *
 * <p>
 * Type names in the JSON are checked against a {@link TypeAllowList} before any class is
 * loaded, which is what makes polymorphic deserialization safe: bytes written by an
 * attacker cannot name a gadget class. Values are written as
 * {@code ["com.acme.Product",{...}]} or with an {@code "@class"} property inside objects.
 */
public final class JsonValueSerializer implements ValueSerializer {

	private final TypeAllowList allowList;

	private final ObjectWriter writer;

	private final ObjectReader reader;

	public JsonValueSerializer(TypeAllowList allowList) {
		this.allowList = allowList;
		ObjectMapper mapper = JsonMapper.builder()
			.setDefaultTyping(new TypedValues(new AllowListValidator(allowList)))
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			// A cached OffsetDateTime/ZonedDateTime comes back with the offset and zone
			// it went in with.
			.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
			.build();
		this.writer = mapper.writerFor(Object.class);
		this.reader = mapper.readerFor(Object.class);
	}

	@Override
	public byte[] serialize(@Nullable Object value) {
		if (value != null) {
			// Refuse on the way in: a value that could never be read back should fail at
			// put().
			this.allowList.check(value.getClass().getName());
			checkMapKeys(value);
		}
		try {
			return this.writer.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new SerializationException(
					"Could not write a value of type " + typeName(value) + " as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public @Nullable Object deserialize(byte[] bytes) {
		try {
			return this.reader.readValue(bytes);
		}
		catch (JacksonException ex) {
			UntrustedTypeException untrusted = findUntrusted(ex);
			if (untrusted != null) {
				throw untrusted;
			}
			throw new SerializationException("Could not read a cached JSON value: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * JSON object keys are strings, and a map that is the whole value has no declared key
	 * type to convert them back with: a {@code Map<Long, V>} would return as a
	 * {@code Map<String, V>}. Refusing it beats handing the application a map whose keys
	 * changed type.
	 */
	private static void checkMapKeys(Object value) {
		if (value instanceof java.util.Map<?, ?> map) {
			for (Object key : map.keySet()) {
				if (key != null && !(key instanceof String)) {
					throw new SerializationException("A " + value.getClass().getName() + " with "
							+ key.getClass().getName() + " keys cannot be cached as JSON: JSON keys are strings and "
							+ "would come back as strings. Cache a record or bean that holds the map (its declared "
							+ "Map<K, V> type keeps the keys' type), or set larder.serialization.format=jdk.");
				}
			}
		}
	}

	private static @Nullable UntrustedTypeException findUntrusted(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof UntrustedTypeException untrusted) {
				return untrusted;
			}
		}
		return null;
	}

	private static String typeName(@Nullable Object value) {
		return (value != null) ? value.getClass().getName() : "null";
	}

	/**
	 * Type information on every value whose JSON form does not already say its type: all
	 * but strings, booleans, ints and doubles (which JSON reads back as exactly those)
	 * and primitives (whose declared type says it all).
	 */
	private static final class TypedValues extends DefaultTypeResolverBuilder {

		private static final long serialVersionUID = 1L;

		TypedValues(PolymorphicTypeValidator validator) {
			super(validator, DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);
		}

		@Override
		public boolean useForType(JavaType type) {
			JavaType t = type;
			while (t.isArrayType()) {
				t = t.getContentType();
			}
			if (t.isPrimitive()) {
				return false;
			}
			Class<?> raw = t.getRawClass();
			return raw != String.class && raw != Boolean.class && raw != Integer.class && raw != Double.class;
		}

	}

	/**
	 * Consults the allow-list for each type name read from JSON, before the class is
	 * loaded.
	 */
	private static final class AllowListValidator extends PolymorphicTypeValidator.Base {

		private static final long serialVersionUID = 1L;

		private final TypeAllowList allowList;

		AllowListValidator(TypeAllowList allowList) {
			this.allowList = allowList;
		}

		@Override
		public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
			this.allowList.check(subClassName);
			return Validity.ALLOWED;
		}

		@Override
		public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
			this.allowList.check(subType.getRawClass().getName());
			return Validity.ALLOWED;
		}

	}

}
