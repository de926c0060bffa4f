package dev.larder.engine;

/**
 * A command named in the engine's configuration (rename-command, disabled commands) that
 * the engine does not implement: {@link Engine#start} fails with it, as Redis refuses to
 * start on such a rename-command.
 */
public final class UnknownCommandException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String commandName;

	public UnknownCommandException(String commandName) {
		super("No such command in rename-command: " + commandName);
		this.commandName = commandName;
	}

	/** The name as configured. */
	public String commandName() {
		return commandName;
	}

}
