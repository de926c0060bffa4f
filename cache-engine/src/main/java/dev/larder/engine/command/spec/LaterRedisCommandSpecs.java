package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.STALE;

/**
 * Commands Redis 7.0 does not have but clients send (CLIENT SETINFO), written by hand
 * from a later version's {@code src/commands/*.json}. A command 7.0 has is declared as
 * 7.0.15 has it, never here. {@link CommandSpecGenerator} cannot read these from a 7.0.15
 * server and leaves them to this class; the conformance test lists them instead of
 * comparing them.
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
