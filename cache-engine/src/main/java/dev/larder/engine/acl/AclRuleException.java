package dev.larder.engine.acl;

/**
 * An ACL rule that cannot be applied, with ACLSetUserStringError's text for the errno
 * Redis sets (e.g. "Syntax error").
 */
public final class AclRuleException extends Exception {

	private static final long serialVersionUID = 1L;

	static final String UNKNOWN = "Unknown command or category name in ACL";

	static final String SYNTAX = "Syntax error";

	static final String KEYS_AFTER_ALL = "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid "
			+ "and does not have any effect. Try 'resetkeys' to start with an empty list of patterns";

	static final String CHANNELS_AFTER_ALL = "Adding a pattern after the * pattern (or the 'allchannels' flag) is not "
			+ "valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels";

	static final String NO_SUCH_PASSWORD = "The password you are trying to remove from the user does not exist";

	static final String BAD_HASH = "The password hash must be exactly 64 characters and contain only lowercase "
			+ "hexadecimal characters";

	static final String FIRST_ARG_OF_SUBCOMMAND = "Allowing first-arg of a subcommand is not supported";

	private final String rule;

	AclRuleException(String reason) {
		this("", reason);
	}

	AclRuleException(String rule, String reason) {
		super(reason, null, false, false);
		this.rule = rule;
	}

	/** The rule that failed; empty when the failure is not one rule's. */
	public String rule() {
		return rule;
	}

	/** Redis's reason, e.g. "Syntax error". */
	public String reason() {
		return String.valueOf(getMessage());
	}

}
