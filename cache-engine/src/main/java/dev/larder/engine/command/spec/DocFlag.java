package dev.larder.engine.command.spec;

/** COMMAND DOCS's doc_flags ({@code CMD_DOC_*}). */
public enum DocFlag {

	DEPRECATED("deprecated"),

	SYSCMD("syscmd");

	private final String replyName;

	DocFlag(String replyName) {
		this.replyName = replyName;
	}

	public String replyName() {
		return replyName;
	}

}
