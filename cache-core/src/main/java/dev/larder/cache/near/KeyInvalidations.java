package dev.larder.cache.near;

/**
 * A backend's reports of changes to the keys of a cache, which keep a near cache exact.
 *
 * <p>
 * A report reaches the listener after the change is visible in the backend, on a thread
 * of the backend's choosing, so listeners must be quick and must not call the backend.
 * Whenever the backend cannot vouch for what it reported (a lost connection, a tracking
 * table that overflowed, a flush) it says {@link InvalidationListener#invalidateAll()}.
 */
public interface KeyInvalidations {

	/**
	 * Starts reporting changes to every key that starts with {@code keyPrefix} (a cache's
	 * rendered namespace, {@code <prefix><cache>::}).
	 * @return the registration, closed when the cache no longer needs reports
	 */
	Registration listen(String keyPrefix, InvalidationListener listener);

	/**
	 * Whether reports flow now. While they do not (a connection being re-established) a
	 * near cache must neither serve nor fill, since it would miss a change.
	 */
	boolean live();

	/** A listener's registration. */
	interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
