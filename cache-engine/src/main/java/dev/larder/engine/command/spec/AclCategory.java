package dev.larder.engine.command.spec;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Redis 7.0's ACL categories ({@code ACL_CATEGORY_*} of server.h), in the order COMMAND
 * INFO lists them.
 */
public enum AclCategory {

	KEYSPACE, READ, WRITE, SET, SORTEDSET, LIST, HASH, STRING, BITMAP, HYPERLOGLOG, GEO, STREAM, PUBSUB, ADMIN, FAST,
	SLOW, BLOCKING, DANGEROUS, CONNECTION, TRANSACTION, SCRIPTING;

	private final String categoryName = name().toLowerCase(Locale.ROOT);

	private final String replyName = "@" + categoryName;

	/** The bare name ACL rules and COMMAND LIST FILTERBY ACLCAT use, e.g. "sortedset". */
	public String categoryName() {
		return categoryName;
	}

	/** The name COMMAND INFO shows, e.g. "@sortedset". */
	public String replyName() {
		return replyName;
	}

	/** Case-insensitive, as ACLGetCommandCategoryFlagByName; null when unknown. */
	public static @Nullable AclCategory byName(String name) {
		for (AclCategory c : values()) {
			if (c.categoryName.equalsIgnoreCase(name)) {
				return c;
			}
		}
		return null;
	}

}
