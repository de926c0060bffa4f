package dev.larder.cache.serialization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The types whose instances may be recreated from cached bytes.
 *
 * <p>
 * Allowed are: the JDK value types that caches commonly hold (boxed primitives, strings,
 * {@code java.math}, {@code java.time}, UUID, the standard collections and maps, arrays
 * of those), and every type in the packages given — by default the application's own
 * packages. Everything else is refused: broad prefixes such as {@code java.util.} are
 * deliberately not allowed, because that is where deserialization gadgets live.
 */
public final class TypeAllowList {

	private static final Set<String> JDK_VALUE_TYPES = Set.of(
			// scalars
			"java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
			"java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number",
			"java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.util.Currency", "java.util.Locale",
			"java.net.URI", "java.util.Date", "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
			"java.util.OptionalDouble",
			// collections and maps
			"java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashSet",
			"java.util.LinkedHashSet", "java.util.TreeSet", "java.util.HashMap", "java.util.LinkedHashMap",
			"java.util.TreeMap", "java.util.EnumMap", "java.util.EnumSet", "java.util.concurrent.ConcurrentHashMap",
			"java.util.concurrent.CopyOnWriteArrayList", "java.util.Arrays$ArrayList",
			"java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
			"java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
			"java.util.Collections$SingletonMap", "java.util.Collections$UnmodifiableRandomAccessList",
			"java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableSet",
			"java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableCollection",
			"java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableSortedMap",
			"java.util.Collections$SynchronizedList", "java.util.Collections$SynchronizedRandomAccessList",
			"java.util.Collections$SynchronizedSet", "java.util.Collections$SynchronizedMap",
			"java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
			"java.util.ImmutableCollections$SubList", "java.util.ImmutableCollections$Set12",
			"java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Map1",
			"java.util.ImmutableCollections$MapN",
			// arrays of the above are handled by unwrapping the component type
			"java.lang.Object");

	private static final List<String> JDK_VALUE_PACKAGES = List.of("java.time.");

	private final List<String> packagePrefixes;

	private TypeAllowList(Collection<String> packages) {
		List<String> prefixes = new ArrayList<>(JDK_VALUE_PACKAGES);
		for (String name : packages) {
			String trimmed = name.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			prefixes.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
		}
		this.packagePrefixes = List.copyOf(new LinkedHashSet<>(prefixes));
	}

	/**
	 * Allows the JDK value types plus every type in the given packages (and their
	 * sub-packages).
	 */
	public static TypeAllowList of(Collection<String> packages) {
		return new TypeAllowList(packages);
	}

	/** Allows the JDK value types only. */
	public static TypeAllowList jdkValueTypesOnly() {
		return new TypeAllowList(List.of());
	}

	public boolean isAllowed(String typeName) {
		String name = componentTypeName(typeName);
		if (isPrimitive(name) || JDK_VALUE_TYPES.contains(name)) {
			return true;
		}
		for (String prefix : this.packagePrefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	public boolean isAllowed(Class<?> type) {
		Class<?> component = type;
		while (component.isArray()) {
			component = component.getComponentType();
		}
		return component.isPrimitive() || isAllowed(component.getName());
	}

	/** Throws {@link UntrustedTypeException} unless the type is allowed. */
	public void check(String typeName) {
		if (!isAllowed(typeName)) {
			throw new UntrustedTypeException(typeName);
		}
	}

	public List<String> packages() {
		return this.packagePrefixes;
	}

	/** Strips JVM ({@code [Lcom.x.Y;}) and Java ({@code com.x.Y[]}) array notation. */
	private static String componentTypeName(String typeName) {
		String name = typeName;
		while (name.endsWith("[]")) {
			name = name.substring(0, name.length() - 2);
		}
		if (name.startsWith("[")) {
			name = name.replaceAll("^\\[+", "");
			if (name.startsWith("L") && name.endsWith(";")) {
				return name.substring(1, name.length() - 1);
			}
			return "primitive";
		}
		return name;
	}

	private static boolean isPrimitive(String name) {
		return switch (name) {
			case "primitive", "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
			default -> false;
		};
	}

}
