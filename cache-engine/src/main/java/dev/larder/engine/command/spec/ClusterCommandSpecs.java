package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.STALE;

/**
 * The cluster commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class ClusterCommandSpecs {

	/** {@code READONLY} */
	public static final CommandSpec READONLY = CommandSpec.command("readonly")
		.arity(1)
		.flags(LOADING, STALE, FAST)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CLUSTER)
		.since("3.0.0")
		.summary("Enables read queries for a connection to a cluster replica node")
		.complexity("O(1)")
		.build();

	/** {@code READWRITE} */
	public static final CommandSpec READWRITE = CommandSpec.command("readwrite")
		.arity(1)
		.flags(LOADING, STALE, FAST)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CLUSTER)
		.since("3.0.0")
		.summary("Disables read queries for a connection to a cluster replica node")
		.complexity("O(1)")
		.build();

	private ClusterCommandSpecs() {
	}

}
