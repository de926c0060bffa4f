package dev.larder.engine.command.spec;

/** Flags of a documented argument ({@code CMD_ARG_*}). */
public enum ArgFlag {

	OPTIONAL("optional"),

	MULTIPLE("multiple"),

	MULTIPLE_TOKEN("multiple_token");

	private final String replyName;

	ArgFlag(String replyName) {
		this.replyName = replyName;
	}

	public String replyName() {
		return replyName;
	}

}
