package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.pattern;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.KeySpecFlag.NOT_KEY;

/**
 * The pubsub commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class PubsubCommandSpecs {

	/** {@code PSUBSCRIBE pattern [pattern ...]} */
	public static final CommandSpec PSUBSCRIBE = CommandSpec.command("psubscribe")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.0.0")
		.summary("Listen for messages published to channels matching the given patterns")
		.complexity("O(N) where N is the number of patterns the client is already subscribed to.")
		.arguments(block("pattern", pattern("pattern")).multiple())
		.build();

	/** {@code PUBLISH channel message} */
	public static final CommandSpec PUBLISH = CommandSpec.command("publish")
		.arity(3)
		.flags(CommandFlag.PUBSUB, LOADING, STALE, FAST)
		.group(CommandGroup.PUBSUB)
		.since("2.0.0")
		.summary("Post a message to a channel")
		.complexity("O(N+M) where N is the number of clients subscribed to the receiving "
				+ "channel and M is the total number of subscribed patterns (by any client).")
		.arguments(string("channel"), string("message"))
		.build();

	/** {@code PUBSUB CHANNELS [pattern]} */
	public static final CommandSpec PUBSUB_CHANNELS = CommandSpec.subcommand("pubsub", "channels")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.8.0")
		.summary("List active channels")
		.complexity("O(N) where N is the number of active channels, and assuming "
				+ "constant time pattern matching (relatively short channels and patterns)")
		.arguments(pattern("pattern").optional())
		.build();

	/** {@code PUBSUB HELP} */
	public static final CommandSpec PUBSUB_HELP = CommandSpec.subcommand("pubsub", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("6.2.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code PUBSUB NUMPAT} */
	public static final CommandSpec PUBSUB_NUMPAT = CommandSpec.subcommand("pubsub", "numpat")
		.arity(2)
		.flags(CommandFlag.PUBSUB, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.8.0")
		.summary("Get the count of unique patterns pattern subscriptions")
		.complexity("O(1)")
		.build();

	/** {@code PUBSUB NUMSUB [channel [channel ...]]} */
	public static final CommandSpec PUBSUB_NUMSUB = CommandSpec.subcommand("pubsub", "numsub")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.8.0")
		.summary("Get the count of subscribers for channels")
		.complexity("O(N) for the NUMSUB subcommand, where N is the number of requested channels")
		.arguments(string("channel").optional().multiple())
		.build();

	/** {@code PUBSUB SHARDCHANNELS [pattern]} */
	public static final CommandSpec PUBSUB_SHARDCHANNELS = CommandSpec.subcommand("pubsub", "shardchannels")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("7.0.0")
		.summary("List active shard channels")
		.complexity("O(N) where N is the number of active shard channels, and assuming "
				+ "constant time pattern matching (relatively short shard channels).")
		.arguments(pattern("pattern").optional())
		.build();

	/** {@code PUBSUB SHARDNUMSUB [shardchannel [shardchannel ...]]} */
	public static final CommandSpec PUBSUB_SHARDNUMSUB = CommandSpec.subcommand("pubsub", "shardnumsub")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("7.0.0")
		.summary("Get the count of subscribers for shard channels")
		.complexity("O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels")
		.arguments(string("shardchannel").optional().multiple())
		.build();

	/** {@code PUBSUB} */
	public static final CommandSpec PUBSUB = CommandSpec.command("pubsub")
		.arity(-2)
		.group(CommandGroup.PUBSUB)
		.since("2.8.0")
		.summary("A container for Pub/Sub commands")
		.complexity("Depends on subcommand.")
		.subcommands(PUBSUB_CHANNELS, PUBSUB_HELP, PUBSUB_NUMPAT, PUBSUB_NUMSUB, PUBSUB_SHARDCHANNELS,
				PUBSUB_SHARDNUMSUB)
		.build();

	/** {@code PUNSUBSCRIBE [pattern [pattern ...]]} */
	public static final CommandSpec PUNSUBSCRIBE = CommandSpec.command("punsubscribe")
		.arity(-1)
		.flags(CommandFlag.PUBSUB, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.0.0")
		.summary("Stop listening for messages posted to channels matching the given patterns")
		.complexity("O(N+M) where N is the number of patterns the client is already subscribed "
				+ "and M is the number of total patterns subscribed in the system (by any client).")
		.arguments(pattern("pattern").optional().multiple())
		.build();

	/** {@code SPUBLISH shardchannel message} */
	public static final CommandSpec SPUBLISH = CommandSpec.command("spublish")
		.arity(3)
		.flags(CommandFlag.PUBSUB, LOADING, STALE, FAST)
		.keySpecs(KeySpec.index(1).range(0).flags(NOT_KEY))
		.group(CommandGroup.PUBSUB)
		.since("7.0.0")
		.summary("Post a message to a shard channel")
		.complexity("O(N) where N is the number of clients subscribed to the receiving shard channel.")
		.arguments(string("shardchannel"), string("message"))
		.build();

	/** {@code SSUBSCRIBE shardchannel [shardchannel ...]} */
	public static final CommandSpec SSUBSCRIBE = CommandSpec.command("ssubscribe")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, NOSCRIPT, LOADING, STALE)
		.keySpecs(KeySpec.index(1).range(-1).flags(NOT_KEY))
		.group(CommandGroup.PUBSUB)
		.since("7.0.0")
		.summary("Listen for messages published to the given shard channels")
		.complexity("O(N) where N is the number of shard channels to subscribe to.")
		.arguments(string("shardchannel").multiple())
		.build();

	/** {@code SUBSCRIBE channel [channel ...]} */
	public static final CommandSpec SUBSCRIBE = CommandSpec.command("subscribe")
		.arity(-2)
		.flags(CommandFlag.PUBSUB, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.0.0")
		.summary("Listen for messages published to the given channels")
		.complexity("O(N) where N is the number of channels to subscribe to.")
		.arguments(string("channel").multiple())
		.build();

	/** {@code SUNSUBSCRIBE [shardchannel [shardchannel ...]]} */
	public static final CommandSpec SUNSUBSCRIBE = CommandSpec.command("sunsubscribe")
		.arity(-1)
		.flags(CommandFlag.PUBSUB, NOSCRIPT, LOADING, STALE)
		.keySpecs(KeySpec.index(1).range(-1).flags(NOT_KEY))
		.group(CommandGroup.PUBSUB)
		.since("7.0.0")
		.summary("Stop listening for messages posted to the given shard channels")
		.complexity("O(N) where N is the number of clients already subscribed to a shard channel.")
		.arguments(string("shardchannel").optional().multiple())
		.build();

	/** {@code UNSUBSCRIBE [channel [channel ...]]} */
	public static final CommandSpec UNSUBSCRIBE = CommandSpec.command("unsubscribe")
		.arity(-1)
		.flags(CommandFlag.PUBSUB, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.PUBSUB)
		.since("2.0.0")
		.summary("Stop listening for messages posted to the given channels")
		.complexity("O(N) where N is the number of clients already subscribed to a channel.")
		.arguments(string("channel").optional().multiple())
		.build();

	private PubsubCommandSpecs() {
	}

}
