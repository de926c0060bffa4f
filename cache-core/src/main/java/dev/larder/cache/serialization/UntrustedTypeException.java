package dev.larder.cache.serialization;

/**
 * A cached value names a type outside the {@link TypeAllowList}. Deserializing it could
 * run arbitrary code (the classic gadget-chain attack on polymorphic deserialization), so
 * it is refused, and the message says how to allow the type if it is legitimately yours.
 */
public class UntrustedTypeException extends SerializationException {

	private static final long serialVersionUID = 1L;

	/** The property a Spring Boot application sets to widen the allow-list. */
	public static final String ALLOWED_PACKAGES_PROPERTY = "larder.serialization.allowed-packages";

	private final String typeName;

	public UntrustedTypeException(String typeName) {
		super("Type '" + typeName + "' is not on Larder's serialization allow-list, so cached values of it "
				+ "are not deserialized. If it is one of your own types, add its package to '"
				+ ALLOWED_PACKAGES_PROPERTY + "' (for example " + ALLOWED_PACKAGES_PROPERTY + "=" + packageOf(typeName)
				+ ").");
		this.typeName = typeName;
	}

	public String getTypeName() {
		return this.typeName;
	}

	private static String packageOf(String typeName) {
		String outer = typeName.startsWith("[") ? typeName.replaceAll("^\\[+L?|;$", "") : typeName;
		int dot = outer.lastIndexOf('.');
		return (dot > 0) ? outer.substring(0, dot) : outer;
	}

}
