package dev.larder.engine.dump;

/** A value of a type whose DUMP payload the engine cannot write yet. */
public final class UnsupportedValueException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String type;

	UnsupportedValueException(String type) {
		super("DUMP of a " + type + " is not supported by this engine yet", null, false, false);
		this.type = type;
	}

	/** The Redis type name of the value, e.g. {@code stream}. */
	public String type() {
		return this.type;
	}

}
