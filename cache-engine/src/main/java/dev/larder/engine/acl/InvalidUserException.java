package dev.larder.engine.acl;

/**
 * A user of the engine's configuration ({@code EngineConfig.users}) that cannot be
 * created: the engine does not start, as Redis exits on a bad {@code user} directive.
 */
public final class InvalidUserException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String user;

	InvalidUserException(String user, String message) {
		super(message);
		this.user = user;
	}

	/** The name of the user whose line is wrong. */
	public String user() {
		return user;
	}

}
