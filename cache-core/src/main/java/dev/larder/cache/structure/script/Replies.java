package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.larder.cache.structure.sortedset.ScoredMember;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Java form of replies ({@link RespCommands}). Shapes that differ between RESP2
 * and RESP3 are read in both: a score is a bulk string or a double; members with scores
 * are a flat array {@code [m1, s1, m2, s2]} or pairs {@code [[m1, s1], [m2, s2]]}.
 */
final class Replies {

	private Replies() {
	}

	static long integer(@Nullable Object reply) {
		if (reply instanceof Long value) {
			return value;
		}
		if (reply instanceof byte[] bytes) {
			return Long.parseLong(string(bytes));
		}
		throw unexpected("an integer", reply);
	}

	static @Nullable Long integerOrNull(@Nullable Object reply) {
		return (reply != null) ? integer(reply) : null;
	}

	static @Nullable Double scoreOrNull(@Nullable Object reply) {
		return (reply != null) ? score(reply) : null;
	}

	static double score(@Nullable Object reply) {
		if (reply instanceof Double value) {
			return value;
		}
		if (reply instanceof byte[] bytes) {
			return parseScore(string(bytes));
		}
		if (reply instanceof String text) {
			return parseScore(text);
		}
		if (reply instanceof Long value) {
			return value;
		}
		throw unexpected("a score", reply);
	}

	static double parseScore(String text) {
		return switch (text) {
			case "inf", "+inf" -> Double.POSITIVE_INFINITY;
			case "-inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

	static byte[] bytes(@Nullable Object reply) {
		if (reply instanceof byte[] bytes) {
			return bytes;
		}
		if (reply instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw unexpected("a bulk string", reply);
	}

	static List<?> list(@Nullable Object reply) {
		if (reply == null) {
			return List.of();
		}
		if (reply instanceof List<?> list) {
			return list;
		}
		throw unexpected("an array", reply);
	}

	/** Members with scores, flat or paired. */
	static <T> List<ScoredMember<T>> scoredMembers(@Nullable Object reply, Function<byte[], T> decoder) {
		List<?> items = list(reply);
		List<ScoredMember<T>> members = new ArrayList<>();
		if (!items.isEmpty() && items.get(0) instanceof List<?>) {
			for (Object item : items) {
				List<?> pair = list(item);
				members.add(new ScoredMember<>(decoder.apply(bytes(pair.get(0))), score(pair.get(1))));
			}
			return members;
		}
		for (int i = 0; i + 1 < items.size(); i += 2) {
			members.add(new ScoredMember<>(decoder.apply(bytes(items.get(i))), score(items.get(i + 1))));
		}
		return members;
	}

	static String string(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static IllegalStateException unexpected(String expected, @Nullable Object reply) {
		String shown = (reply instanceof byte[] bytes) ? "bulk '" + string(bytes) + "'"
				: (reply != null) ? reply.getClass().getSimpleName() + " " + reply : "nil";
		return new IllegalStateException("Expected " + expected + " from the backend, got " + shown);
	}

}
