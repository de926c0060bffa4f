package dev.larder.engine.acl;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rule arguments of ACL SETUSER and of a user line before they are applied: a
 * selector may be spread over several arguments ("(+get", "~k*)"), which are joined with
 * spaces (ACLMergeSelectorArguments).
 */
final class RuleArguments {

	private RuleArguments() {
	}

	/** The arguments with each selector joined into one; null on an unclosed "(". */
	static @Nullable List<byte[]> mergeSelectors(List<byte[]> args) {
		List<byte[]> merged = new ArrayList<>(args.size());
		ByteArrayOutputStream selector = null;
		for (byte[] op : args) {
			if (selector == null && op.length > 0 && op[0] == '(' && op[op.length - 1] != ')') {
				selector = new ByteArrayOutputStream();
				selector.writeBytes(op);
				continue;
			}
			if (selector != null) {
				selector.write(' ');
				selector.writeBytes(op);
				if (op.length > 0 && op[op.length - 1] == ')') {
					merged.add(selector.toByteArray());
					selector = null;
				}
				continue;
			}
			merged.add(op);
		}
		return selector == null ? merged : null;
	}

	/** The index of the argument opening the selector left unclosed, or -1. */
	static int unmatchedIndex(List<byte[]> args) {
		int open = -1;
		for (int j = 0; j < args.size(); j++) {
			byte[] op = args.get(j);
			if (open == -1 && op.length > 0 && op[0] == '(' && op[op.length - 1] != ')') {
				open = j;
			}
			else if (open != -1 && op.length > 0 && op[op.length - 1] == ')') {
				open = -1;
			}
		}
		return open;
	}

	/** ACLStringHasSpaces: C's isspace, or a NUL. */
	static boolean hasSpaces(byte[] s) {
		for (byte b : s) {
			if (b == ' ' || b >= '\t' && b <= '\r' || b == 0) {
				return true;
			}
		}
		return false;
	}

}
