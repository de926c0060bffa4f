package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.larder.cache.structure.script.RespCommands;
import dev.larder.cache.structure.script.RespErrorException;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import org.jspecify.annotations.Nullable;

/**
 * {@link RespCommands} in-process on an {@link Engine}: each call runs on the caller's
 * thread, atomically under the engine's locks for its keys, as a Redis command or script
 * would.
 */
public final class EngineRespCommands implements RespCommands {

	private static final byte[] EVALSHA = ascii("EVALSHA");

	private static final byte[] EVAL = ascii("EVAL");

	private final Engine engine;

	public EngineRespCommands(Engine engine) {
		this.engine = engine;
	}

	@Override
	public @Nullable Object execute(String command, String key, byte[]... args) {
		byte[][] call = new byte[args.length + 2][];
		call[0] = ascii(command);
		call[1] = key.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(args, 0, call, 2, args.length);
		return java(this.engine.execute(call));
	}

	@Override
	public @Nullable Object evalSha(String sha1, List<String> keys, List<byte[]> args) {
		return java(this.engine.execute(script(EVALSHA, sha1, keys, args)));
	}

	@Override
	public @Nullable Object eval(String source, List<String> keys, List<byte[]> args) {
		return java(this.engine.execute(script(EVAL, source, keys, args)));
	}

	private static List<byte[]> script(byte[] command, String script, List<String> keys, List<byte[]> args) {
		List<byte[]> call = new ArrayList<>(keys.size() + args.size() + 3);
		call.add(command);
		call.add(script.getBytes(StandardCharsets.UTF_8));
		call.add(ascii(Integer.toString(keys.size())));
		keys.forEach((key) -> call.add(key.getBytes(StandardCharsets.UTF_8)));
		call.addAll(args);
		return call;
	}

	/** The engine's reply in the shapes {@link RespCommands} promises. */
	static @Nullable Object java(Reply reply) {
		if (reply instanceof Reply.ErrorReply error) {
			throw new RespErrorException(error.message());
		}
		if (reply instanceof Reply.IntegerReply integer) {
			return integer.value();
		}
		if (reply instanceof Reply.BulkString bulk) {
			return bulk.value();
		}
		if (reply instanceof Reply.SimpleString status) {
			return status.value();
		}
		if (reply instanceof Reply.NullReply) {
			return null;
		}
		if (reply instanceof Reply.DoubleReply number) {
			return number.value();
		}
		if (reply instanceof Reply.BooleanReply bool) {
			return bool.value() ? 1L : 0L;
		}
		if (reply instanceof Reply.VerbatimString verbatim) {
			return verbatim.text().getBytes(StandardCharsets.UTF_8);
		}
		if (reply instanceof Reply.ArrayReply array) {
			return list(array.items());
		}
		if (reply instanceof Reply.SetReply set) {
			return list(set.items());
		}
		if (reply instanceof Reply.MapReply map) {
			return list(map.keysAndValues());
		}
		throw new IllegalStateException("Unknown engine reply " + reply);
	}

	private static List<@Nullable Object> list(List<Reply> items) {
		List<@Nullable Object> values = new ArrayList<>(items.size());
		items.forEach((item) -> values.add(java(item)));
		return values;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
