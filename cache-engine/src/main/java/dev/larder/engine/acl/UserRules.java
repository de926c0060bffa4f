package dev.larder.engine.acl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a user may do (Redis's user struct, less the name): on or off, its password hashes
 * or nopass, the payload-sanitizing flags and its selectors, the root one first.
 *
 * <p>
 * ACL SETUSER applies rules to a copy and publishes the copy whole ({@link AclUser}), so
 * a published instance is never changed and the permission checks of other threads read
 * it without locks.
 */
final class UserRules {

	private final CommandCatalog catalog;

	boolean enabled;

	boolean nopass;

	/** Neither set (a new user), or exactly one (after reset or either rule). */
	boolean skipSanitizePayload;

	boolean sanitizePayload;

	/** SHA-256 hex of each password, in the order added. */
	final List<String> passwords;

	/** The root selector first. */
	final List<Selector> selectors;

	/**
	 * Set by {@link #seal()}: some selector allows every command, key and channel.
	 */
	boolean unrestricted;

	/**
	 * acl-pubsub-default is allchannels: new selectors, and reset, allow every channel.
	 * Set from the current setting before rules are applied.
	 */
	boolean allChannelsByDefault;

	/**
	 * ACLCreateUser: off, no password, a root selector that allows nothing (but every
	 * channel when {@code allChannelsByDefault}).
	 */
	UserRules(CommandCatalog catalog, boolean allChannelsByDefault) {
		this.catalog = catalog;
		this.allChannelsByDefault = allChannelsByDefault;
		this.passwords = new ArrayList<>();
		this.selectors = new ArrayList<>();
		selectors.add(newSelector(true));
	}

	/** ACLCreateSelector: flags | acl_pubsub_default. */
	private Selector newSelector(boolean root) {
		Selector s = new Selector(catalog, root);
		s.allChannels = allChannelsByDefault;
		return s;
	}

	private UserRules(UserRules u) {
		this.catalog = u.catalog;
		this.allChannelsByDefault = u.allChannelsByDefault;
		this.enabled = u.enabled;
		this.nopass = u.nopass;
		this.skipSanitizePayload = u.skipSanitizePayload;
		this.sanitizePayload = u.sanitizePayload;
		this.passwords = new ArrayList<>(u.passwords);
		this.selectors = new ArrayList<>();
		u.selectors.forEach(s -> selectors.add(s.copy()));
	}

	UserRules copy() {
		return new UserRules(this);
	}

	/** Computes what the hot path reads; called once the rules are final. */
	UserRules seal() {
		unrestricted = selectors.stream().anyMatch(Selector::unrestricted);
		return this;
	}

	Selector root() {
		return selectors.get(0);
	}

	/** ACLSetUser: applies one rule, or throws with Redis's reason. */
	void apply(byte[] op) throws AclRuleException {
		if (op.length == 0) {
			return;
		}
		String lower = new String(op, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
		switch (lower) {
			case "on" -> enabled = true;
			case "off" -> enabled = false;
			case "skip-sanitize-payload" -> {
				skipSanitizePayload = true;
				sanitizePayload = false;
			}
			case "sanitize-payload" -> {
				skipSanitizePayload = false;
				sanitizePayload = true;
			}
			case "nopass" -> {
				nopass = true;
				passwords.clear();
			}
			case "resetpass" -> {
				nopass = false;
				passwords.clear();
			}
			case "clearselectors" -> selectors.subList(1, selectors.size()).clear();
			case "reset" -> reset();
			default -> applyOther(op);
		}
	}

	private void applyOther(byte[] op) throws AclRuleException {
		byte first = op[0];
		if (first == '>' || first == '#') {
			String hash;
			if (first == '>') {
				hash = PasswordHash.of(op, 1);
			}
			else if (PasswordHash.valid(op, 1)) {
				hash = new String(op, 1, op.length - 1, StandardCharsets.US_ASCII);
			}
			else {
				throw new AclRuleException(AclRuleException.BAD_HASH);
			}
			if (!passwords.contains(hash)) {
				passwords.add(hash);
			}
			nopass = false;
		}
		else if (first == '<' || first == '!') {
			String hash;
			if (first == '<') {
				hash = PasswordHash.of(op, 1);
			}
			else if (PasswordHash.valid(op, 1)) {
				hash = new String(op, 1, op.length - 1, StandardCharsets.US_ASCII);
			}
			else {
				throw new AclRuleException(AclRuleException.BAD_HASH);
			}
			if (!passwords.remove(hash)) {
				throw new AclRuleException(AclRuleException.NO_SUCH_PASSWORD);
			}
		}
		else if (first == '(' && op[op.length - 1] == ')') {
			Selector selector = newSelector(false);
			String inner = new String(op, 1, op.length - 2, StandardCharsets.UTF_8);
			for (String rule : inner.trim().split("\\s+")) {
				if (!rule.isEmpty()) {
					selector.apply(rule.getBytes(StandardCharsets.UTF_8));
				}
			}
			selectors.add(selector);
		}
		else {
			root().apply(op);
		}
	}

	/**
	 * reset: resetpass, resetkeys, resetchannels (allchannels when that is
	 * acl-pubsub-default), off, sanitize-payload, -@all.
	 */
	private void reset() {
		nopass = false;
		passwords.clear();
		Selector root = root();
		root.allKeys = false;
		root.patterns.clear();
		root.allChannels = allChannelsByDefault;
		root.channels.clear();
		enabled = false;
		skipSanitizePayload = false;
		sanitizePayload = true;
		selectors.subList(1, selectors.size()).clear();
		root.allCommands(false);
	}

	/** Whether {@code password} is one of the user's (ACLCheckUserCredentials). */
	boolean accepts(byte[] password) {
		if (nopass) {
			return true;
		}
		String hash = PasswordHash.of(password, 0);
		boolean match = false;
		for (String p : passwords) {
			match |= PasswordHash.equal(hash, p);
		}
		return match;
	}

	/** The flag names ACL GETUSER and ACL LIST show, in ACLUserFlags order. */
	List<String> flagNames() {
		List<String> flags = new ArrayList<>(3);
		flags.add(enabled ? "on" : "off");
		if (nopass) {
			flags.add("nopass");
		}
		if (skipSanitizePayload) {
			flags.add("skip-sanitize-payload");
		}
		if (sanitizePayload) {
			flags.add("sanitize-payload");
		}
		return flags;
	}

	/** ACLDescribeUser: the rules of ACL LIST after "user name ". */
	String describe(RuleDescriber describer) {
		StringBuilder sb = new StringBuilder();
		for (String f : flagNames()) {
			sb.append(f).append(' ');
		}
		for (String p : passwords) {
			sb.append('#').append(p).append(' ');
		}
		for (Selector s : selectors) {
			String d = describeSelector(s, describer);
			if (s.root) {
				sb.append(d);
			}
			else {
				sb.append(" (").append(d).append(')');
			}
		}
		return sb.toString();
	}

	/** ACLDescribeSelector: keys, channels, then command rules. */
	static String describeSelector(Selector s, RuleDescriber describer) {
		StringBuilder sb = new StringBuilder();
		if (s.allKeys) {
			sb.append("~* ");
		}
		else {
			s.patterns.forEach(p -> sb.append(p.describe()).append(' '));
		}
		if (s.allChannels) {
			sb.append("&* ");
		}
		else {
			sb.append("resetchannels ");
			s.channels.forEach(c -> sb.append('&').append(new String(c, StandardCharsets.UTF_8)).append(' '));
		}
		return sb.append(describer.describe(s)).toString();
	}

	@Override
	public String toString() {
		return Arrays.toString(flagNames().toArray());
	}

}
