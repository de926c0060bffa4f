package dev.larder.autoconfigure;

/**
 * The backend chosen with {@code larder.backend} cannot be used: it is not part of this
 * version, or its client library is missing. Never answered with a silent fallback to
 * another backend, because caching somewhere else than configured hides a real
 * misconfiguration.
 */
public class BackendUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Backend backend;

	private final String description;

	private final String action;

	BackendUnavailableException(Backend backend, String reason, String action) {
		super("larder.backend=" + backend.propertyValue() + " cannot be used: " + reason + ". " + action);
		this.backend = backend;
		this.description = "larder.backend=" + backend.propertyValue() + " cannot be used: " + reason + ".";
		this.action = action;
	}

	/** What is wrong, without the fix. */
	public String getDescription() {
		return this.description;
	}

	public Backend getBackend() {
		return this.backend;
	}

	public String getAction() {
		return this.action;
	}

}
