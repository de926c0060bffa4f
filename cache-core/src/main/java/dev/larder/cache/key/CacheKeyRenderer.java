package dev.larder.cache.key;

import java.util.Arrays;

/**
 * Renders a cache key as the string a remote backend stores:
 * {@code <prefix><cache>::<key>}.
 *
 * <p>
 * The key part must be stable across JVMs and restarts, or one instance's entries are
 * invisible to another. Strings, numbers, enums, records and {@code SimpleKey}s are; an
 * object that inherits {@code Object.toString()} (an identity hash) is not, and is
 * refused with an error that says how to fix it rather than silently producing a key
 * nobody can hit again.
 */
public final class CacheKeyRenderer {

	private static final ClassValue<Boolean> HAS_OWN_TO_STRING = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			try {
				return type.getMethod("toString").getDeclaringClass() != Object.class;
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}
	};

	private final String prefix;

	public CacheKeyRenderer(String prefix) {
		this.prefix = (prefix != null) ? prefix : "";
	}

	/** The namespace of a cache: every rendered key of that cache starts with it. */
	public String namespace(String cacheName) {
		return this.prefix + cacheName + "::";
	}

	/**
	 * A {@code SCAN MATCH} glob for every key of a namespace, its glob characters escaped
	 * so that a cache called {@code a*} does not match cache {@code ab}.
	 */
	public static String scanPattern(String namespace) {
		return namespace.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
	}

	public String render(String cacheName, Object key) {
		return namespace(cacheName) + keyPart(key);
	}

	static String keyPart(Object key) {
		if (key instanceof String string) {
			return string;
		}
		if (key instanceof Object[] array) {
			return Arrays.deepToString(array);
		}
		if (key.getClass().isArray()) {
			return Arrays.deepToString(new Object[] { key }).replaceAll("^\\[|\\]$", "");
		}
		if (!HAS_OWN_TO_STRING.get(key.getClass())) {
			throw new IllegalArgumentException("Cache key of type " + key.getClass().getName()
					+ " has no toString() of its own, so it cannot be rendered as a stable key for a remote cache. "
					+ "Implement toString() (a record does), or pick a key with @Cacheable(key = \"...\").");
		}
		return key.toString();
	}

}
