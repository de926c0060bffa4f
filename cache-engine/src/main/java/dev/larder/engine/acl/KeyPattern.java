package dev.larder.engine.acl;

import dev.larder.engine.command.GlobMatcher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A key pattern of a selector ({@code ~p}, {@code %R~p}, {@code %W~p}) and what it
 * permits: reading, writing or both.
 */
final class KeyPattern {

	static final int READ = 1;

	static final int WRITE = 2;

	static final int ALL = READ | WRITE;

	final byte[] pattern;

	/** READ, WRITE or both; widened when the same pattern is added again. */
	int permissions;

	KeyPattern(byte[] pattern, int permissions) {
		this.pattern = pattern;
		this.permissions = permissions;
	}

	KeyPattern copy() {
		return new KeyPattern(pattern, permissions);
	}

	boolean samePattern(byte[] other) {
		return Arrays.equals(pattern, other);
	}

	/** Whether this pattern grants {@code required} (READ/WRITE bits) on {@code key}. */
	boolean permits(byte[] key, int required) {
		return (permissions & required) == required && GlobMatcher.matches(pattern, key);
	}

	/** sdsCatPatternString: "~p", "%R~p" or "%W~p". */
	String describe() {
		String prefix = permissions == ALL ? "~" : permissions == READ ? "%R~" : "%W~";
		return prefix + new String(pattern, StandardCharsets.UTF_8);
	}

}
