package dev.larder.engine.command.spec;

/** The type of a documented argument (Redis's ARG_TYPE_STR). */
public enum ArgType {

	STRING("string"),

	INTEGER("integer"),

	DOUBLE("double"),

	KEY("key"),

	PATTERN("pattern"),

	UNIX_TIME("unix-time"),

	PURE_TOKEN("pure-token"),

	ONEOF("oneof"),

	BLOCK("block");

	private final String replyName;

	ArgType(String replyName) {
		this.replyName = replyName;
	}

	public String replyName() {
		return replyName;
	}

	/** Whether arguments of this type hold nested arguments. */
	public boolean isContainer() {
		return this == ONEOF || this == BLOCK;
	}

}
