package dev.larder.testing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A RESP value as read off the wire, kept close to the bytes: the type byte, the text
 * (simple string, error, number, or bulk payload as ISO-8859-1), and children for
 * aggregates. Records compare structurally, which is what the protocol and differential
 * tests need.
 */
public record Resp(char type, String text, List<Resp> items) {

	public boolean isError() {
		return type == '-';
	}

	public boolean isNull() {
		return type == '_' || (type == '$' || type == '*') && text == null;
	}

	@Override
	public String toString() {
		if (items != null) {
			return type + "[" + items.stream().map(Resp::toString).collect(Collectors.joining(", ")) + "]";
		}
		return type + (text == null ? "nil" : "\"" + text + "\"");
	}
}
