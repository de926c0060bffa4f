package dev.larder.engine.pubsub;

import dev.larder.engine.Reply;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.Command;
import dev.larder.engine.command.CommandContext;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.Errors;
import dev.larder.engine.command.spec.PubsubCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.pubsub.ClientSubscriptions.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * PUBLISH SPUBLISH (P|S)SUBSCRIBE (P|S)UNSUBSCRIBE PUBSUB (pubsub.c), and the pub/sub
 * context rules of processCommand and pingCommand. Confirmations go out through the
 * client's {@link Subscriber} in the order Redis writes them, and the command itself
 * answers {@link #PUSHED}, which the connection does not write.
 */
public final class PubSubCommands {

	/**
	 * Returned (by identity) by a command whose frames were all pushed: the connection
	 * writes nothing more for it.
	 */
	public static final Reply PUSHED = new Reply.Push(List.of());

	/** The commands processCommand allows a RESP2 client in the pub/sub context. */
	private static final Set<String> ALLOWED_WHILE_SUBSCRIBED = Set.of("ping", "subscribe", "ssubscribe", "unsubscribe",
			"sunsubscribe", "psubscribe", "punsubscribe", "quit", "reset");

	private static final Reply PONG = Reply.bulk("pong");

	private PubSubCommands() {
	}

	public static void register(CommandTable t) {
		t.bind(PubsubCommandSpecs.PUBLISH, c -> Reply.integer(c.core().pubsub().publish(c.arg(1), c.arg(2))));
		t.bind(PubsubCommandSpecs.SPUBLISH, c -> Reply.integer(c.core().pubsub().publishShard(c.arg(1), c.arg(2))));
		t.bind(PubsubCommandSpecs.SUBSCRIBE, c -> subscribe(c, Kind.CHANNEL, "SUBSCRIBE"));
		t.bind(PubsubCommandSpecs.PSUBSCRIBE, c -> subscribe(c, Kind.PATTERN, "PSUBSCRIBE"));
		t.bind(PubsubCommandSpecs.SSUBSCRIBE, c -> subscribe(c, Kind.SHARD, "SSUBSCRIBE"));
		t.bind(PubsubCommandSpecs.UNSUBSCRIBE, c -> unsubscribe(c, Kind.CHANNEL));
		t.bind(PubsubCommandSpecs.PUNSUBSCRIBE, c -> unsubscribe(c, Kind.PATTERN));
		t.bind(PubsubCommandSpecs.SUNSUBSCRIBE, c -> unsubscribe(c, Kind.SHARD));
		t.bindContainer(PubsubCommandSpecs.PUBSUB);
		t.bind(PubsubCommandSpecs.PUBSUB_CHANNELS, c -> channels(c, false));
		t.bind(PubsubCommandSpecs.PUBSUB_SHARDCHANNELS, c -> channels(c, true));
		t.bind(PubsubCommandSpecs.PUBSUB_NUMSUB, c -> numsub(c, false));
		t.bind(PubsubCommandSpecs.PUBSUB_SHARDNUMSUB, c -> numsub(c, true));
		t.bind(PubsubCommandSpecs.PUBSUB_NUMPAT, c -> Reply.integer(c.core().pubsub().patternCount()));
		t.bind(PubsubCommandSpecs.PUBSUB_HELP, c -> help());
	}

	/**
	 * processCommand's pub/sub context check: the error for a command a RESP2 client may
	 * not run while subscribed, or null when it may run it.
	 */
	public static @Nullable String refusal(ClientSession session, Command command) {
		if (session.protocol() != 2 || !session.subscribed() || ALLOWED_WHILE_SUBSCRIBED.contains(command.name())) {
			return null;
		}
		return "ERR Can't execute '" + command.name()
				+ "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";
	}

	/**
	 * pingCommand in the RESP2 pub/sub context: {@code pong} and the argument (or an
	 * empty string) as an array; null outside it.
	 */
	public static @Nullable Reply subscribedPing(CommandContext c) {
		if (c.session().protocol() != 2 || !c.session().subscribed()) {
			return null;
		}
		return Reply.array(PONG, c.argc() == 1 ? Reply.bulk(Bytes.EMPTY) : Reply.bulk(c.arg(1)));
	}

	/** RESET's part (clearClientConnectionState): leaves everything, silently. */
	public static void reset(CommandContext c) {
		ClientSession session = c.session();
		Subscriber subscriber = session.subscriber();
		if (session.subscribed() && subscriber != null) {
			c.core().pubsub().leaveAll(session.subscriptions(), subscriber);
		}
	}

	private static Reply subscribe(CommandContext c, Kind kind, String name) {
		Subscriber subscriber = c.session().subscriber();
		if (subscriber == null) {
			// an in-process session has nowhere to receive messages: like Redis's clients
			// that expect one reply per command (Engine.subscribe is the API for them)
			return Reply.error("ERR " + name + " isn't allowed for a DENY BLOCKING client");
		}
		PubSub pubsub = c.core().pubsub();
		ClientSubscriptions mine = c.session().subscriptions();
		Collecting inExec = c.queued() ? new Collecting() : null;
		for (int j = 1; j < c.argc(); j++) {
			pubsub.subscribe(mine, subscriber, inExec == null ? subscriber : inExec, kind, c.arg(j));
		}
		return inExec == null ? PUSHED : new Reply.Sequence(inExec.frames);
	}

	private static Reply unsubscribe(CommandContext c, Kind kind) {
		Subscriber subscriber = c.session().subscriber();
		Collecting collected = null;
		if (subscriber == null) {
			collected = new Collecting();
			subscriber = collected;
		}
		else if (c.queued()) {
			// EXEC's reply holds the confirmations in this command's slot
			collected = new Collecting();
		}
		PubSub pubsub = c.core().pubsub();
		ClientSubscriptions mine = c.session().subscriptions();
		Subscriber confirmations = collected == null ? subscriber : collected;
		if (c.argc() == 1) {
			pubsub.unsubscribeAll(mine, subscriber, confirmations, kind, true);
		}
		else {
			for (int j = 1; j < c.argc(); j++) {
				pubsub.unsubscribe(mine, subscriber, confirmations, kind, c.arg(j), true);
			}
		}
		if (collected == null) {
			return PUSHED;
		}
		if (collected != subscriber) {
			return new Reply.Sequence(collected.frames);
		}
		return collected.frames.size() == 1 ? collected.frames.get(0) : Reply.array(collected.frames);
	}

	private static Reply channels(CommandContext c, boolean shard) {
		if (c.argc() > 3) {
			return Reply.error(Errors.sanitize("ERR unknown subcommand or wrong number of arguments for '"
					+ Bytes.string(c.arg(1)) + "'. Try PUBSUB HELP."));
		}
		List<Reply> out = new ArrayList<>();
		for (byte[] name : c.core().pubsub().channels(shard, c.argc() == 3 ? c.arg(2) : null)) {
			out.add(Reply.bulk(name));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply numsub(CommandContext c, boolean shard) {
		List<Reply> out = new ArrayList<>();
		for (int j = 2; j < c.argc(); j++) {
			out.add(Reply.bulk(c.arg(j)));
			out.add(Reply.integer(c.core().pubsub().subscribers(shard, c.arg(j))));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply help() {
		List<Reply> out = new ArrayList<>();
		for (String line : new String[] { "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
				"CHANNELS [<pattern>]", "    Return the currently active channels matching a <pattern> (default: '*').",
				"NUMPAT", "    Return number of subscriptions to patterns.", "NUMSUB [<channel> ...]",
				"    Return the number of subscribers for the specified channels, excluding",
				"    pattern subscriptions(default: no channels).", "SHARDCHANNELS [<pattern>]",
				"    Return the currently active shard level channels matching a <pattern> (default: '*').",
				"SHARDNUMSUB [<shardchannel> ...]",
				"    Return the number of subscribers for the specified shard level channel(s)", "HELP",
				"    Prints this help." }) {
			out.add(new Reply.SimpleString(line));
		}
		return new Reply.ArrayReply(out);
	}

	/** Collects the frames of an UNSUBSCRIBE run by a session without a subscriber. */
	private static final class Collecting implements Subscriber {

		final List<Reply> frames = new ArrayList<>();

		@Override
		public boolean push(Reply frame, long bytes) {
			frames.add(frame);
			return true;
		}

		@Override
		public long pendingBytes() {
			return 0;
		}

	}

}
