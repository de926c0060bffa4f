package dev.larder.autoconfigure.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.larder.engine.acl.InvalidUserException;

/**
 * {@code larder.embedded.users} as the engine takes users: one line per user, its name
 * then its rules, as Redis's {@code user} directive.
 */
final class EmbeddedUsers {

	private EmbeddedUsers() {
	}

	static List<String> lines(Map<String, String> users) {
		List<String> lines = new ArrayList<>(users.size());
		users.forEach((name, rules) -> {
			if (name.isBlank() || !name.equals(name.strip()) || name.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalStateException("Invalid larder.embedded.users key '" + name
						+ "': Usernames can't contain spaces or null characters");
			}
			lines.add(name + " " + (rules == null ? "" : rules));
		});
		return lines;
	}

	/** The engine's refusal, naming the property, the rules and Redis's reason. */
	static IllegalStateException invalid(Map<String, String> users, InvalidUserException ex) {
		return new IllegalStateException(
				"Invalid larder.embedded.users." + ex.user() + " '" + users.get(ex.user()) + "': " + ex.getMessage(),
				ex);
	}

}
