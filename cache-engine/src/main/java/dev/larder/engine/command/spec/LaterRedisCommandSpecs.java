package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;

/**
 * Commands the engine implements as a Redis version after 7.0 declares them, written by
 * hand from that version's {@code src/commands/*.json}: commands 7.0 does not have, which
 * clients send (CLIENT SETINFO), and commands whose later form the engine accepts (ZRANK
 * and ZREVRANK with WITHSCORE). {@link CommandSpecGenerator} cannot read them from a
 * 7.0.15 server and leaves them to this class; the conformance test lists them instead of
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

	/** {@code ZRANK key member [WITHSCORE]}: Redis 7.2's zrank.json. */
	public static final CommandSpec ZRANK = CommandSpec.command("zrank")
		.arity(-3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Determine the index of a member in a sorted set")
		.complexity("O(log(N))")
		.history("7.2.0", "Added the optional `WITHSCORE` argument.")
		.arguments(key("key", 0), string("member"), pureToken("withscore", "WITHSCORE").optional())
		.build();

	/** {@code ZREVRANK key member [WITHSCORE]}: Redis 7.2's zrevrank.json. */
	public static final CommandSpec ZREVRANK = CommandSpec.command("zrevrank")
		.arity(-3)
		.flags(READONLY, FAST)
		.acl(AclCategory.SORTEDSET)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.SORTED_SET)
		.since("2.0.0")
		.summary("Determine the index of a member in a sorted set, with scores ordered from high to low")
		.complexity("O(log(N))")
		.history("7.2.0", "Added the optional `WITHSCORE` argument.")
		.arguments(key("key", 0), string("member"), pureToken("withscore", "WITHSCORE").optional())
		.build();

	private LaterRedisCommandSpecs() {
	}

}
