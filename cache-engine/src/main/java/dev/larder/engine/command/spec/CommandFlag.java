package dev.larder.engine.command.spec;

import org.jspecify.annotations.Nullable;

/**
 * Redis 7.0's command flags (the {@code CMD_*} bits of server.h), declared in the order
 * COMMAND INFO lists them. Four flags exist in Redis's command table but are hidden from
 * COMMAND INFO on purpose (may_replicate, sentinel, only_sentinel, protected): they have
 * no {@link #replyName()}.
 *
 * <p>
 * {@link #MOVABLEKEYS} is never declared: {@link CommandSpec.Builder#build()} derives it
 * from the key specs, as Redis's populateCommandLegacyRangeSpec does.
 */
public enum CommandFlag {

	WRITE("write"),

	READONLY("readonly"),

	DENYOOM("denyoom"),

	MODULE("module"),

	ADMIN("admin"),

	PUBSUB("pubsub"),

	NOSCRIPT("noscript"),

	BLOCKING("blocking"),

	LOADING("loading"),

	STALE("stale"),

	SKIP_MONITOR("skip_monitor"),

	SKIP_SLOWLOG("skip_slowlog"),

	ASKING("asking"),

	FAST("fast"),

	NO_AUTH("no_auth"),

	MAY_REPLICATE(null),

	SENTINEL(null),

	ONLY_SENTINEL(null),

	NO_MANDATORY_KEYS("no_mandatory_keys"),

	PROTECTED(null),

	NO_ASYNC_LOADING("no_async_loading"),

	NO_MULTI("no_multi"),

	MOVABLEKEYS("movablekeys"),

	ALLOW_BUSY("allow_busy");

	private final @Nullable String replyName;

	CommandFlag(@Nullable String replyName) {
		this.replyName = replyName;
	}

	/** The name COMMAND INFO shows, or null for a flag Redis hides. */
	public @Nullable String replyName() {
		return replyName;
	}

	public boolean isReported() {
		return replyName != null;
	}

}
