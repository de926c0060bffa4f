package dev.larder.autoconfigure;

/**
 * Where Larder keeps cached values.
 */
public enum Backend {

	/** A Redis-compatible engine inside the application's JVM; nothing to install. */
	EMBEDDED("dev.larder.engine.Engine", "dev.larder:larder-cache-engine"),

	/** A Redis server, Sentinel group or Cluster, through Lettuce. */
	REDIS("io.lettuce.core.RedisClient", "io.lettuce:lettuce-core"),

	/** A pool of Memcached servers, through XMemcached. */
	MEMCACHED("net.rubyeye.xmemcached.MemcachedClient", "com.googlecode.xmemcached:xmemcached"),

	/** Local Caffeine caches in this JVM. */
	CAFFEINE("com.github.benmanes.caffeine.cache.Caffeine", "com.github.ben-manes.caffeine:caffeine");

	private final String clientClass;

	private final String clientArtifact;

	Backend(String clientClass, String clientArtifact) {
		this.clientClass = clientClass;
		this.clientArtifact = clientArtifact;
	}

	/** A class that is on the classpath when the backend's client library is. */
	public String clientClass() {
		return this.clientClass;
	}

	/** The Maven coordinates of the backend's client library. */
	public String clientArtifact() {
		return this.clientArtifact;
	}

	/** The value as written in {@code application.yml}. */
	public String propertyValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
