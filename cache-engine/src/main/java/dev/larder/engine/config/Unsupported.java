package dev.larder.engine.config;

/**
 * Why CONFIG SET refuses a value that would turn on something the embedded engine does
 * not do. Each follows Redis's "CONFIG SET failed (possibly related to argument '...') -
 * " prefix; the parameter's off value (what test suites set) is always accepted.
 */
final class Unsupported {

	static final String PERSISTENCE = "the embedded engine has no persistence";

	static final String REPLICATION = "the embedded engine has no replication";

	static final String TLS = "the embedded engine was started without TLS";

	static final String TLS_AT_START = "the embedded engine applies TLS settings at start-up only";

	static final String MOVE_PORT = "the embedded engine cannot move its listener to another port while running";

	static final String REBIND = "the embedded engine cannot change the addresses it listens on while running";

	private Unsupported() {
	}

	/** Refuses any value but {@code off}. */
	static <T> Check<T> unless(T off, String reason) {
		return value -> {
			if (!off.equals(value)) {
				throw new InvalidValueException(reason);
			}
		};
	}

}
