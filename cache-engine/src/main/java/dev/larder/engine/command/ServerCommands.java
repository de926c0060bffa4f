package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;

/**
 * Server introspection: INFO (see {@link InfoSections}), TIME, SLOWLOG and LATENCY
 * (CONFIG is dev.larder.engine.config's).
 */
final class ServerCommands {

	private ServerCommands() {
	}

	static void register(CommandTable t) {
		t.bindWalkingKeyspace(ServerCommandSpecs.INFO, InfoSections::info);
		t.bind(ServerCommandSpecs.TIME, ServerCommands::time);
		t.bind(ServerCommandSpecs.MONITOR, Monitors::monitor);
		SlowLogCommands.register(t);
		LatencyCommands.register(t);
	}

	private static Reply time(CommandContext c) {
		long ms = c.now();
		return Reply.array(Reply.bulk(Long.toString(ms / 1000)), Reply.bulk(Long.toString(ms % 1000 * 1000)));
	}

}
