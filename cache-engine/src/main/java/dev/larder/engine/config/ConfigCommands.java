package dev.larder.engine.config;

import dev.larder.engine.Reply;
import dev.larder.engine.command.CommandContext;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import java.util.ArrayList;
import java.util.List;

/** CONFIG and its subcommands, over the engine's {@link ConfigTable}. */
public final class ConfigCommands {

	/** configHelpCommand's lines, then addReplyHelp's own. */
	private static final List<String> HELP = List.of("CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
			"GET <pattern>", "    Return parameters matching the glob-like <pattern> and their values.",
			"SET <directive> <value>", "    Set the configuration <directive> to <value>.", "RESETSTAT",
			"    Reset statistics reported by the INFO command.", "REWRITE", "    Rewrite the configuration file.",
			"HELP", "    Prints this help.");

	private ConfigCommands() {
	}

	public static void register(CommandTable t) {
		t.bindContainer(ServerCommandSpecs.CONFIG);
		t.bind(ServerCommandSpecs.CONFIG_GET, c -> ConfigGet.get(c.core().parameters(), args(c)));
		t.bind(ServerCommandSpecs.CONFIG_SET, c -> ConfigSet.set(c.core().parameters(), args(c),
				ProtectedActions.allowed(c.core().parameters(), "enable-protected-configs", c.session().address())));
		t.bind(ServerCommandSpecs.CONFIG_RESETSTAT, ConfigCommands::resetStat);
		// the engine reads no config file, as a redis-server started without one
		t.bind(ServerCommandSpecs.CONFIG_REWRITE, c -> Reply.error("ERR The server is running without a config file"));
		t.bind(ServerCommandSpecs.CONFIG_HELP, c -> help());
	}

	/** The arguments after CONFIG and its subcommand. */
	private static List<byte[]> args(CommandContext c) {
		List<byte[]> out = new ArrayList<>(c.argc() - 2);
		for (int i = 2; i < c.argc(); i++) {
			out.add(c.arg(i));
		}
		return out;
	}

	/** resetServerStats: the counters INFO stats reports; connected clients stay. */
	private static Reply resetStat(CommandContext c) {
		c.core().stats().reset();
		c.core().introspection().reset();
		return Reply.OK;
	}

	private static Reply help() {
		List<Reply> out = new ArrayList<>(HELP.size());
		HELP.forEach(line -> out.add(new Reply.SimpleString(line)));
		return new Reply.ArrayReply(out);
	}

}
