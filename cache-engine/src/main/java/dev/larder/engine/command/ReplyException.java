package dev.larder.engine.command;

import dev.larder.engine.Reply;
import java.util.Objects;

/**
 * Aborts a command with an error reply. Argument parsing throws it so handlers read
 * straight-line; it has no stack trace because it is control flow, not a bug report.
 */
public final class ReplyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ReplyException(String message) {
		super(message, null, false, false);
	}

	public Reply.ErrorReply reply() {
		return Reply.error(Objects.requireNonNull(getMessage(), "a ReplyException is made with its message"));
	}

}
