package dev.larder.engine.command.spec;

/** The group COMMAND DOCS shows (Redis's COMMAND_GROUP_STR). */
public enum CommandGroup {

	GENERIC("generic"),

	STRING("string"),

	LIST("list"),

	SET("set"),

	SORTED_SET("sorted-set"),

	HASH("hash"),

	PUBSUB("pubsub"),

	TRANSACTIONS("transactions"),

	CONNECTION("connection"),

	SERVER("server"),

	SCRIPTING("scripting"),

	HYPERLOGLOG("hyperloglog"),

	CLUSTER("cluster"),

	SENTINEL("sentinel"),

	GEO("geo"),

	STREAM("stream"),

	BITMAP("bitmap"),

	MODULE("module");

	private final String replyName;

	CommandGroup(String replyName) {
		this.replyName = replyName;
	}

	public String replyName() {
		return replyName;
	}

}
