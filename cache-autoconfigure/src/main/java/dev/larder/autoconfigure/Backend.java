package dev.larder.autoconfigure;

/**
 * Where Larder keeps cached values.
 */
public enum Backend {

	/** A Redis-compatible engine inside the application's JVM; nothing to install. */
	EMBEDDED,

	/** A Redis server, Sentinel group or Cluster, through Lettuce. */
	REDIS,

	/** A pool of Memcached servers, through XMemcached. */
	MEMCACHED,

	/** Local Caffeine caches in this JVM. */
	CAFFEINE;

	/** The value as written in {@code application.yml}. */
	public String propertyValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
