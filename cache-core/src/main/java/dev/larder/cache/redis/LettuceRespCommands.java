package dev.larder.cache.redis;

import java.util.List;
import java.util.function.Supplier;

import dev.larder.cache.structure.script.RespCommands;
import dev.larder.cache.structure.script.RespErrorException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import org.jspecify.annotations.Nullable;

/**
 * {@link RespCommands} over the backend's Lettuce connection, whatever its topology.
 * Every key is added as a key ({@link CommandArgs#addKey}), which is what a Cluster
 * connection routes by: a command goes to the node of its key, a script to the node of
 * its first key.
 */
final class LettuceRespCommands implements RespCommands {

	private final Supplier<RedisHandle> handle;

	LettuceRespCommands(Supplier<RedisHandle> handle) {
		this.handle = handle;
	}

	@Override
	public @Nullable Object execute(String command, String key, byte[]... args) {
		CommandArgs<String, byte[]> arguments = new CommandArgs<>(LettuceConnectors.CODEC).addKey(key);
		for (byte[] arg : args) {
			arguments.add(arg);
		}
		return dispatch(keyword(command), arguments);
	}

	@Override
	public @Nullable Object evalSha(String sha1, List<String> keys, List<byte[]> args) {
		return dispatch(CommandType.EVALSHA, scriptArguments(sha1, keys, args));
	}

	@Override
	public @Nullable Object eval(String source, List<String> keys, List<byte[]> args) {
		return dispatch(CommandType.EVAL, scriptArguments(source, keys, args));
	}

	private static CommandArgs<String, byte[]> scriptArguments(String script, List<String> keys, List<byte[]> args) {
		CommandArgs<String, byte[]> arguments = new CommandArgs<>(LettuceConnectors.CODEC).add(script).add(keys.size());
		keys.forEach(arguments::addKey);
		args.forEach(arguments::add);
		return arguments;
	}

	private @Nullable Object dispatch(ProtocolKeyword command, CommandArgs<String, byte[]> arguments) {
		try {
			return this.handle.get().sync().dispatch(command, new RespReplyOutput(LettuceConnectors.CODEC), arguments);
		}
		catch (RedisCommandExecutionException ex) {
			throw new RespErrorException(String.valueOf(ex.getMessage()), ex);
		}
	}

	private static ProtocolKeyword keyword(String command) {
		try {
			return CommandType.valueOf(command);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a command Lettuce knows: " + command, ex);
		}
	}

}
