package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;

/** SLOWLOG GET, LEN, RESET and HELP (slowlogCommand). */
final class SlowLogCommands {

	private SlowLogCommands() {
	}

	static void register(CommandTable t) {
		t.bindContainer(ServerCommandSpecs.SLOWLOG);
		t.bind(ServerCommandSpecs.SLOWLOG_GET, SlowLogCommands::get);
		t.bind(ServerCommandSpecs.SLOWLOG_LEN, c -> Reply.integer(c.core().introspection().slowLog().length()));
		t.bind(ServerCommandSpecs.SLOWLOG_RESET, c -> {
			c.core().introspection().slowLog().reset();
			return Reply.OK;
		});
		t.bind(ServerCommandSpecs.SLOWLOG_HELP, c -> ConnectionCommands.help("SLOWLOG", "GET [<count>]",
				"    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
				"    Entries are made of:",
				"    id, timestamp, time in microseconds, arguments array, client IP and port,", "    client name",
				"LEN", "    Return the length of the slowlog.", "RESET", "    Reset the slowlog."));
	}

	/** SLOWLOG GET [count]: count -1 is all; the newest first. */
	private static Reply get(CommandContext c) {
		if (c.argc() > 3) {
			return ClientCommands.subcommandSyntaxError(c);
		}
		long count = 10;
		if (c.argc() == 3) {
			Long n = Bytes.parseLong(c.arg(2));
			if (n == null || n < -1) {
				return Reply.error("ERR count should be greater than or equal to -1");
			}
			count = n == -1 ? Long.MAX_VALUE : n;
		}
		List<Reply> out = new ArrayList<>();
		for (SlowLog.Entry e : c.core().introspection().slowLog().newest(count)) {
			out.add(e.reply());
		}
		return Reply.array(out);
	}

}
