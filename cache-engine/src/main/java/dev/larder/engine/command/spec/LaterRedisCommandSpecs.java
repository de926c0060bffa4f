package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.STALE;

/**
 * Commands the engine implements that Redis 7.0.15 does not have, declared by hand from
 * the Redis version that added them (its {@code src/commands/*.json}): clients send them,
 * so the engine answers them. {@link CommandSpecGenerator} cannot read them from a 7.0.15
 * server, and the conformance test lists them rather than comparing them.
 */
public final class LaterRedisCommandSpecs {

	/**
	 * {@code CLIENT SETINFO <LIB-NAME libname | LIB-VER libver>}: Redis 7.2's
	 * client-setinfo.json (Lettuce 6.3 and later send it after connecting).
	 */
	public static final CommandSpec CLIENT_SETINFO = CommandSpec.subcommand("client", "setinfo")
		.arity(4)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("7.2.0")
		.summary("Sets information specific to the client or connection.")
		.complexity("O(1)")
		.arguments(oneOf("attr", string("libname").token("lib-name"), string("libver").token("lib-ver")))
		.build();

	private LaterRedisCommandSpecs() {
	}

}
