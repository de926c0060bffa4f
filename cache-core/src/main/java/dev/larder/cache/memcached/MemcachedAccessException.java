package dev.larder.cache.memcached;

import org.jspecify.annotations.Nullable;

/**
 * A Memcached call failed (timeout, no server reachable, protocol error). Unchecked, so
 * the cache's failure policy can turn it into a miss like any other backend failure.
 */
public class MemcachedAccessException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MemcachedAccessException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
