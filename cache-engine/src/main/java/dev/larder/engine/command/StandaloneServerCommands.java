package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ClusterCommandSpecs;
import dev.larder.engine.command.spec.GenericCommandSpecs;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a standalone Redis 7.0 master without replicas, cluster or saves answers to the
 * commands clients and test harnesses call about replication and persistence: WAIT
 * (replication.c's waitCommand), ROLE, LASTSAVE, READONLY and READWRITE.
 */
final class StandaloneServerCommands {

	static final String CLUSTER_DISABLED = "ERR This instance has cluster support disabled";

	/**
	 * A blocked WAIT is parked under this key of database -1, which no command can write:
	 * only its timeout, CLIENT UNBLOCK or the client's disconnection end it, as no
	 * replica will ever acknowledge.
	 */
	private static final byte[] WAIT_KEY = "wait".getBytes(StandardCharsets.US_ASCII);

	private static final int NO_DB = -1;

	private StandaloneServerCommands() {
	}

	static void register(CommandTable t) {
		t.bind(GenericCommandSpecs.WAIT, StandaloneServerCommands::waitCommand);
		// the start, as in a Redis that loaded nothing, until SAVE or BGSAVE
		t.bind(ServerCommandSpecs.LASTSAVE, c -> Reply.integer(c.core().stats().lastSaveMillis / 1000));
		t.bind(ServerCommandSpecs.ROLE,
				c -> Reply.array(Reply.bulk("master"), Reply.integer(0), Reply.array(List.of())));
		t.bind(ClusterCommandSpecs.READONLY, c -> Reply.error(CLUSTER_DISABLED));
		t.bind(ClusterCommandSpecs.READWRITE, c -> Reply.error(CLUSTER_DISABLED));
	}

	/**
	 * WAIT numreplicas timeout: no replica acknowledges anything, so the count is 0, at
	 * once when that is enough (numreplicas 0 or less) or in a transaction, else once the
	 * timeout (milliseconds, 0 for ever) has passed.
	 */
	private static Reply waitCommand(CommandContext c) {
		Long numReplicas = Bytes.parseLong(c.arg(1));
		if (numReplicas == null) {
			return Reply.error(Errors.NOT_INTEGER);
		}
		Long timeout = Bytes.parseLong(c.arg(2));
		if (timeout == null) {
			return Reply.error("ERR timeout is not an integer or out of range");
		}
		if (timeout < 0) {
			return Reply.error("ERR timeout is negative");
		}
		Reply acks = Reply.integer(0);
		if (numReplicas <= 0 || c.queued() || !c.canBlock()) {
			return acks;
		}
		// Redis adds the timeout to the clock unchecked: one that overflows never comes
		long deadline = timeout == 0 || timeout > Long.MAX_VALUE - c.now() ? 0 : c.now() + timeout;
		ClientSession session = c.session();
		session.parked(c.core().blocking().park(session, c.args, NO_DB, List.of(WAIT_KEY), deadline, acks));
		return CommandExecutor.BLOCKED;
	}

}
