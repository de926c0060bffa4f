package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.CommandContext;

/**
 * One EVAL in progress: the invocation that holds the declared keys' shard locks, and the
 * script's own session, as Redis runs scripts through a separate Lua client: SELECT and
 * redis.setresp inside a script change that session, never the caller's, and it cannot
 * block.
 */
final class ScriptRun {

	private final CommandContext outer;

	private final ClientSession session;

	private final String sha;

	private final boolean readOnly;

	private final boolean holdsLocks;

	ScriptRun(CommandContext outer, String sha, boolean readOnly, boolean holdsLocks) {
		this.outer = outer;
		this.sha = sha;
		this.readOnly = readOnly;
		this.holdsLocks = holdsLocks;
		ClientSession caller = outer.session();
		this.session = new ClientSession(caller.id(), true, "lua", "lua", outer.now());
		this.session.db(caller.db());
		this.session.script(true);
		// Redis runs the script's calls as the caller's user (SORT's BY/GET check it)
		this.session.user(caller.user());
	}

	/**
	 * redis.call: the command's reply, or one of Redis's errors for calls a script may
	 * not make.
	 */
	Reply call(byte[][] args) {
		return outer.core().executor().executeFromScript(outer, session, args, readOnly, holdsLocks);
	}

	String sha() {
		return sha;
	}

	boolean resp3() {
		return session.protocol() == 3;
	}

	/** redis.setresp: how replies are converted to Lua, and how booleans are returned. */
	void resp(int protocol) {
		session.protocol(protocol);
	}

}
