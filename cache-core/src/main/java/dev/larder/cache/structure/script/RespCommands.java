package dev.larder.cache.structure.script;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The little a Redis-compatible backend must do for Larder's structures: run one command
 * on one key, and run a Lua script. Sorted sets, locks and rate limiters are written once
 * over this interface, so Redis (standalone, Sentinel, Cluster), the embedded engine and
 * the engine Caffeine users get all behave alike.
 *
 * <p>
 * Replies come back as plain Java: {@link Long} for integers, {@code byte[]} for bulk
 * strings, {@link String} for status replies, {@link Double} for RESP3 doubles,
 * {@link List} for arrays (maps flattened to alternating keys and values), {@code null}
 * for nil. An error reply is thrown as a {@link RespErrorException} carrying the server's
 * text.
 *
 * <p>
 * The key is given apart from the other arguments so a Cluster client can route the
 * command to the node that holds it; a script's keys must all hash to one slot (structure
 * keys use hash tags).
 */
public interface RespCommands {

	/** Runs {@code command key args...}. */
	@Nullable Object execute(String command, String key, byte[]... args);

	/**
	 * {@code EVALSHA sha numkeys keys... args...}; a server that lacks the script answers
	 * {@code NOSCRIPT}.
	 */
	@Nullable Object evalSha(String sha1, List<String> keys, List<byte[]> args);

	/**
	 * {@code EVAL source numkeys keys... args...}, which also caches the script on that
	 * server.
	 */
	@Nullable Object eval(String source, List<String> keys, List<byte[]> args);

	/**
	 * Runs a script by its digest, sending its source only when the server does not have
	 * it yet (after a restart, a {@code SCRIPT FLUSH}, or on a Cluster node that has not
	 * seen it): one round trip in the common case, two the first time.
	 */
	default @Nullable Object run(LuaScript script, List<String> keys, List<byte[]> args) {
		try {
			return evalSha(script.sha1(), keys, args);
		}
		catch (RespErrorException ex) {
			if (!ex.isNoScript()) {
				throw ex;
			}
			return eval(script.source(), keys, args);
		}
	}

}
