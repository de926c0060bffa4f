package dev.larder.engine.config;

import java.util.OptionalLong;

/**
 * How a numeric parameter's value is written (the numeric flags of Redis's config table):
 * a plain integer, a memory value ({@code 64mb}, printed in bytes, unsigned), a memory
 * value or a percentage ({@code 10%}, stored negated, as maxmemory-clients does), or an
 * octal number.
 */
public enum NumericFormat {

	INTEGER("argument couldn't be parsed into an integer"),

	MEMORY("argument must be a memory value"),

	MEMORY_OR_PERCENT("argument must be a memory or percent value"),

	OCTAL("argument couldn't be parsed as an octal number");

	private final String parseError;

	NumericFormat(String parseError) {
		this.parseError = parseError;
	}

	boolean percent() {
		return this == MEMORY_OR_PERCENT;
	}

	/** numericParseString: memory first, then percent, then octal, then an integer. */
	long parse(String text) throws InvalidValueException {
		OptionalLong v = switch (this) {
			case INTEGER -> CNumbers.string2ll(text);
			case MEMORY -> CNumbers.memtoull(text);
			case MEMORY_OR_PERCENT -> {
				OptionalLong memory = CNumbers.memtoull(text);
				yield memory.isPresent() ? memory : percent(text);
			}
			case OCTAL -> CNumbers.strtoll(text, 8);
		};
		if (v.isEmpty()) {
			throw new InvalidValueException(parseError);
		}
		return v.getAsLong();
	}

	/** "n%" with n a non-negative string2ll, stored as -n. */
	private static OptionalLong percent(String text) {
		if (text.length() < 2 || text.charAt(text.length() - 1) != '%') {
			return OptionalLong.empty();
		}
		OptionalLong n = CNumbers.string2ll(text.substring(0, text.length() - 1));
		return n.isPresent() && n.getAsLong() >= 0 ? OptionalLong.of(-n.getAsLong()) : OptionalLong.empty();
	}

	/** numericConfigGet. */
	String format(long value) {
		if (percent() && value < 0) {
			return -value + "%";
		}
		return switch (this) {
			case MEMORY, MEMORY_OR_PERCENT -> Long.toUnsignedString(value);
			case OCTAL -> Long.toOctalString(value);
			case INTEGER -> Long.toString(value);
		};
	}

}
