package dev.larder.cache.structure;

/**
 * The backend keys of structures, the same on every backend so redis-cli shows them
 * alike: {@code <prefix>zset:<name>}, {@code <prefix>lock:{<name>}} (+ {@code :fence}),
 * {@code <prefix>rate:{<name>:<key>}}. A structure whose operation spans several keys
 * wraps its name in a hash tag, so in a Redis Cluster they share a slot and one script
 * can touch them all.
 */
public final class StructureKeys {

	private final String prefix;

	public StructureKeys(String prefix) {
		this.prefix = (prefix != null) ? prefix : "";
	}

	public String sortedSet(String name) {
		return this.prefix + "zset:" + requireName(name);
	}

	public String lock(String name) {
		return this.prefix + "lock:{" + requireName(name) + "}";
	}

	/**
	 * The counter that issues the lock's fencing tokens; it outlives grants, so tokens
	 * never repeat.
	 */
	public String lockFence(String name) {
		return lock(name) + ":fence";
	}

	public String rateLimit(String name, String key) {
		if (key == null) {
			throw new IllegalArgumentException("Rate limiter '" + name + "' was asked for a null key");
		}
		return this.prefix + "rate:{" + requireName(name) + ":" + key + "}";
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A structure needs a non-blank name, got '" + name + "'");
		}
		return name;
	}

}
