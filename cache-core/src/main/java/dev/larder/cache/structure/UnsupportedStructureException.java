package dev.larder.cache.structure;

/**
 * Thrown when the configured backend cannot carry a structure (Memcached has no sorted
 * set). The message names the backends that can and the property that selects one.
 */
public class UnsupportedStructureException extends UnsupportedOperationException {

	private static final long serialVersionUID = 1L;

	public UnsupportedStructureException(String message) {
		super(message);
	}

}
