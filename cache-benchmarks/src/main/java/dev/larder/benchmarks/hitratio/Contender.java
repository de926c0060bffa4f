package dev.larder.benchmarks.hitratio;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** A row of the tables: a server and its maxmemory-policy, or Caffeine. */
enum Contender {

	REDIS_LRU("redis-lru", "redis-server allkeys-lru", Kind.REDIS, "allkeys-lru"),

	REDIS_LFU("redis-lfu", "redis-server allkeys-lfu", Kind.REDIS, "allkeys-lfu"),

	ENGINE_LRU("engine-lru", "engine allkeys-lru", Kind.ENGINE, "allkeys-lru"),

	ENGINE_LFU("engine-lfu", "engine allkeys-lfu", Kind.ENGINE, "allkeys-lfu"),

	ENGINE_TINYLFU("engine-tinylfu", "engine allkeys-tinylfu", Kind.ENGINE, "allkeys-tinylfu"),

	CAFFEINE("caffeine", "Caffeine", Kind.CAFFEINE, null),

	/**
	 * Not a cache: the most any policy can expect to hit with as many entries as
	 * redis-server holds ({@link StaticTopBound}).
	 */
	BOUND("bound", "bound: the most popular keys, held fixed", Kind.BOUND, null);

	enum Kind {

		REDIS, ENGINE, CAFFEINE, BOUND

	}

	private final String id;

	private final String label;

	private final Kind kind;

	private final @Nullable String policy;

	Contender(String id, String label, Kind kind, @Nullable String policy) {
		this.id = id;
		this.label = label;
		this.kind = kind;
		this.policy = policy;
	}

	String id() {
		return this.id;
	}

	String label() {
		return this.label;
	}

	Kind kind() {
		return this.kind;
	}

	/** The maxmemory-policy a server contender runs with. */
	String policy() {
		if (this.policy == null) {
			throw new IllegalStateException(this.id + " has no maxmemory-policy");
		}
		return this.policy;
	}

	static Contender byId(String id) {
		return Arrays.stream(values())
			.filter((c) -> c.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown contender " + id + "; known: " + Arrays.stream(values()).map(Contender::id).toList()));
	}

}
