package dev.larder.cache.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Java serialization, for applications whose cached types are {@code Serializable} but
 * not JSON-friendly. Opt-in only: even here every class in the stream is checked against
 * the {@link TypeAllowList} by an {@link ObjectInputFilter} before it is instantiated.
 */
public final class JdkValueSerializer implements ValueSerializer {

	private final TypeAllowList allowList;

	public JdkValueSerializer(TypeAllowList allowList) {
		this.allowList = allowList;
	}

	@Override
	public byte[] serialize(@Nullable Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (NotSerializableException ex) {
			// A null is written as a null reference, so only a non-null value gets here.
			Object refused = Objects.requireNonNull(value, "writeObject(null) cannot be refused");
			throw new SerializationException("Could not serialize a value of type " + refused.getClass().getName()
					+ ": " + ex.getMessage() + " does not implement java.io.Serializable", ex);
		}
		catch (IOException ex) {
			throw new SerializationException("Could not serialize a value: " + ex.getMessage(), ex);
		}
		return bytes.toByteArray();
	}

	@Override
	public @Nullable Object deserialize(byte[] bytes) {
		UntrustedTypeFilter filter = new UntrustedTypeFilter(this.allowList);
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(filter);
			return in.readObject();
		}
		catch (IOException | ClassNotFoundException ex) {
			if (filter.rejected != null) {
				throw new UntrustedTypeException(filter.rejected);
			}
			throw new SerializationException("Could not deserialize a cached value: " + ex.getMessage(), ex);
		}
	}

	/** Remembers the first refused class so the error can name it. */
	private static final class UntrustedTypeFilter implements ObjectInputFilter {

		private final TypeAllowList allowList;

		private @Nullable String rejected;

		UntrustedTypeFilter(TypeAllowList allowList) {
			this.allowList = allowList;
		}

		@Override
		public Status checkInput(FilterInfo info) {
			Class<?> type = info.serialClass();
			if (type == null) {
				return Status.UNDECIDED;
			}
			if (this.allowList.isAllowed(type) || isJdkSerialFormHelper(type)) {
				return Status.ALLOWED;
			}
			this.rejected = type.getName();
			return Status.REJECTED;
		}

		/** Classes the JDK writes in place of its immutable collections and enums. */
		private static boolean isJdkSerialFormHelper(Class<?> type) {
			return type == Enum.class || type.getName().equals("java.util.CollSer");
		}

	}

}
