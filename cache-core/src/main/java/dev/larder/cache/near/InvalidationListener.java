package dev.larder.cache.near;

/** Told what a {@link KeyInvalidations} reports. */
public interface InvalidationListener {

	/**
	 * The value of {@code key} (a rendered key) changed, was deleted, expired or evicted.
	 */
	void invalidate(String key);

	/** Any key may have changed: drop everything. */
	void invalidateAll();

}
