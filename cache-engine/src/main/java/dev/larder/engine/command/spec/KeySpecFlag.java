package dev.larder.engine.command.spec;

/**
 * How a command uses the keys of a key spec ({@code CMD_KEY_*} of Redis 7.0's server.h),
 * in the order COMMAND INFO and COMMAND GETKEYSANDFLAGS list them. Exactly one of RO, RW,
 * OW, RM is expected per spec.
 */
public enum KeySpecFlag {

	/** Read-only: reads the value, never modifies it. */
	RO("RO"),

	/** Read-write: reads and modifies the value. */
	RW("RW"),

	/** Overwrite: the value is replaced without being read. */
	OW("OW"),

	/** Deletes the key. */
	RM("RM"),

	/** Returns, copies or uses the user data of the value. */
	ACCESS("access"),

	/** Updates data in the value (e.g. SETRANGE, APPEND). */
	UPDATE("update"),

	/** Adds data to the value without touching existing data (e.g. LPUSH). */
	INSERT("insert"),

	/** Removes data from the value (e.g. LPOP). */
	DELETE("delete"),

	/** The argument is not a key (e.g. a channel), but must be routed like one. */
	NOT_KEY("not_key"),

	/** The spec may miss keys: the command needs its own key-finding procedure. */
	INCOMPLETE("incomplete"),

	/** The actual flags depend on the arguments (e.g. SET ... GET). */
	VARIABLE_FLAGS("variable_flags");

	private final String replyName;

	KeySpecFlag(String replyName) {
		this.replyName = replyName;
	}

	public String replyName() {
		return replyName;
	}

}
