package dev.larder.engine.acl;

/**
 * A named user that sessions authenticate as. Its rules are replaced whole by ACL
 * SETUSER, so a session keeps its user and sees the new rules at its next command, as in
 * Redis, where SETUSER rewrites the user struct the client points to.
 */
public final class AclUser {

	private final String name;

	private volatile UserRules rules;

	AclUser(String name, UserRules rules) {
		this.name = name;
		this.rules = rules.seal();
	}

	public String name() {
		return name;
	}

	UserRules rules() {
		return rules;
	}

	void rules(UserRules rules) {
		this.rules = rules.seal();
	}

	@Override
	public String toString() {
		return name;
	}

}
