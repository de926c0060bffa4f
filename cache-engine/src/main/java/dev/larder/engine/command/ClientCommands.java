package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ConnectionCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * CLIENT LIST, INFO, KILL, PAUSE, UNPAUSE, REPLY, NO-EVICT, UNBLOCK and HELP, with
 * clientCommand's (networking.c) checks, order and errors.
 */
final class ClientCommands {

	static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

	private ClientCommands() {
	}

	static void register(CommandTable t) {
		t.bind(ConnectionCommandSpecs.CLIENT_INFO,
				c -> new Reply.VerbatimString("txt", ClientInfo.line(c.session(), c.now()) + "\n"));
		t.bind(ConnectionCommandSpecs.CLIENT_LIST, ClientCommands::list);
		t.bind(ConnectionCommandSpecs.CLIENT_KILL, ClientCommands::kill);
		t.bind(ConnectionCommandSpecs.CLIENT_PAUSE, ClientCommands::pause);
		t.bind(ConnectionCommandSpecs.CLIENT_UNPAUSE, c -> {
			c.core().introspection().pause().unpause();
			return Reply.OK;
		});
		t.bind(ConnectionCommandSpecs.CLIENT_REPLY, ClientCommands::reply);
		t.bind(ConnectionCommandSpecs.CLIENT_NO_EVICT, ClientCommands::noEvict);
		t.bind(ConnectionCommandSpecs.CLIENT_UNBLOCK, ClientCommands::unblock);
		t.bind(ConnectionCommandSpecs.CLIENT_HELP, c -> ConnectionCommands.help("CLIENT", HELP));
	}

	/** Redis 7.0.15's CLIENT HELP, line for line. */
	private static final String[] HELP = { "CACHING (YES|NO)",
			"    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.", "GETREDIR",
			"    Return the client ID we are redirecting to when tracking is enabled.", "GETNAME",
			"    Return the name of the current connection.", "ID", "    Return the ID of the current connection.",
			"INFO", "    Return information about the current client connection.", "KILL <ip:port>",
			"    Kill connection made from <ip:port>.", "KILL <option> <value> [<option> <value> [...]]",
			"    Kill connections. Options are:", "    * ADDR (<ip:port>|<unixsocket>:0)",
			"      Kill connections made from the specified address", "    * LADDR (<ip:port>|<unixsocket>:0)",
			"      Kill connections made to specified local address", "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
			"      Kill connections by type.", "    * USER <username>",
			"      Kill connections authenticated by <username>.", "    * SKIPME (YES|NO)",
			"      Skip killing current connection (default: yes).", "LIST [options ...]",
			"    Return information about client connections. Options:", "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
			"      Return clients of specified type.", "UNPAUSE",
			"    Stop the current client pause, resuming traffic.", "PAUSE <timeout> [WRITE|ALL]",
			"    Suspend all, or just write, clients for <timeout> milliseconds.", "REPLY (ON|OFF|SKIP)",
			"    Control the replies sent to the current connection.", "SETNAME <name>",
			"    Assign the name <name> to the current connection.", "UNBLOCK <clientid> [TIMEOUT|ERROR]",
			"    Unblock the specified blocked client.",
			"TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]", "         [OPTIN] [OPTOUT] [NOLOOP]",
			"    Control server assisted client side caching.", "TRACKINGINFO",
			"    Report tracking status for the current connection.", "NO-EVICT (ON|OFF)",
			"    Protect current client connection from eviction." };

	/** Every connected client, and the caller when it is an in-process session, by id. */
	private static List<ClientSession> clients(CommandContext c) {
		List<ClientSession> sessions = new ArrayList<>();
		c.core().clients().forEach(sessions::add);
		if (!sessions.contains(c.session())) {
			sessions.add(c.session());
		}
		sessions.sort((a, b) -> Long.compare(a.id(), b.id()));
		return sessions;
	}

	private static @Nullable ClientSession byId(CommandContext c, long id) {
		for (ClientSession s : clients(c)) {
			if (s.id() == id) {
				return s;
			}
		}
		return null;
	}

	/** getClientTypeByName: the type's name, or null for an unknown one. */
	private static @Nullable String typeByName(byte[] name) {
		return switch (Bytes.string(name).toLowerCase(Locale.ROOT)) {
			case "normal" -> "normal";
			case "slave", "replica" -> "replica";
			case "pubsub" -> "pubsub";
			case "master" -> "master";
			default -> null;
		};
	}

	private static String unknownType(byte[] name) {
		return Errors.sanitize("ERR Unknown client type '" + Bytes.string(name) + "'");
	}

	/** addReplySubcommandSyntaxError. */
	static Reply subcommandSyntaxError(CommandContext c) {
		return Reply.error(Errors.sanitize(
				"ERR unknown subcommand or wrong number of arguments for '" + truncate(Bytes.string(c.arg(1)), 128)
						+ "'. Try " + Bytes.string(c.arg(0)).toUpperCase(Locale.ROOT) + " HELP."));
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	private static Reply list(CommandContext c) {
		String type = null;
		StringBuilder sb = new StringBuilder();
		if (c.argc() == 4 && Args.is(c.arg(2), "type")) {
			type = typeByName(c.arg(3));
			if (type == null) {
				return Reply.error(unknownType(c.arg(3)));
			}
		}
		else if (c.argc() > 3 && Args.is(c.arg(2), "id")) {
			for (int j = 3; j < c.argc(); j++) {
				Long id = Bytes.parseLong(c.arg(j));
				if (id == null) {
					return Reply.error("ERR Invalid client ID");
				}
				ClientSession s = byId(c, id);
				if (s != null) {
					sb.append(ClientInfo.line(s, c.now())).append('\n');
				}
			}
			return new Reply.VerbatimString("txt", sb.toString());
		}
		else if (c.argc() != 2) {
			return Reply.error(Errors.SYNTAX);
		}
		for (ClientSession s : clients(c)) {
			if (type == null || type.equals(ClientInfo.type(s))) {
				sb.append(ClientInfo.line(s, c.now())).append('\n');
			}
		}
		return new Reply.VerbatimString("txt", sb.toString());
	}

	/** CLIENT KILL addr, or CLIENT KILL with filters (all must match). */
	private static Reply kill(CommandContext c) {
		String addr = null;
		String laddr = null;
		String type = null;
		long id = 0;
		dev.larder.engine.acl.AclUser user = null;
		boolean skipMe = true;
		if (c.argc() == 3) {
			addr = Bytes.string(c.arg(2));
			skipMe = false; // with the old form a client can kill itself
		}
		else {
			for (int i = 2; i < c.argc(); i += 2) {
				boolean more = c.argc() > i + 1;
				byte[] opt = c.arg(i);
				if (Args.is(opt, "id") && more) {
					Long v = Bytes.parseLong(c.arg(i + 1));
					if (v == null || v < 1) {
						return Reply.error("ERR client-id should be greater than 0");
					}
					id = v;
				}
				else if (Args.is(opt, "type") && more) {
					type = typeByName(c.arg(i + 1));
					if (type == null) {
						return Reply.error(unknownType(c.arg(i + 1)));
					}
				}
				else if (Args.is(opt, "addr") && more) {
					addr = Bytes.string(c.arg(i + 1));
				}
				else if (Args.is(opt, "laddr") && more) {
					laddr = Bytes.string(c.arg(i + 1));
				}
				else if (Args.is(opt, "user") && more) {
					user = c.core().acl().user(Bytes.string(c.arg(i + 1)));
					if (user == null) {
						return Reply.error(Errors.sanitize("ERR No such user '" + Bytes.string(c.arg(i + 1)) + "'"));
					}
				}
				else if (Args.is(opt, "skipme") && more) {
					if (Args.is(c.arg(i + 1), "yes")) {
						skipMe = true;
					}
					else if (Args.is(c.arg(i + 1), "no")) {
						skipMe = false;
					}
					else {
						return Reply.error(Errors.SYNTAX);
					}
				}
				else {
					return Reply.error(Errors.SYNTAX);
				}
			}
		}
		int killed = 0;
		boolean closeThis = false;
		for (ClientSession s : clients(c)) {
			if ((addr != null && !addr.equals(s.address())) || (laddr != null && !laddr.equals(s.localAddress()))
					|| (type != null && !type.equals(ClientInfo.type(s))) || (id != 0 && s.id() != id)
					|| (user != null && s.user() != user)) {
				continue;
			}
			if (s == c.session()) {
				if (skipMe) {
					continue;
				}
				closeThis = true; // after its reply, as CLIENT_CLOSE_AFTER_REPLY
			}
			else {
				ClientControl.Connection conn = s.control().connection();
				if (conn == null) {
					continue; // an in-process session has nothing to close
				}
				conn.kill();
			}
			killed++;
		}
		if (closeThis) {
			c.session().requestClose();
		}
		if (c.argc() == 3) {
			return killed == 0 ? Reply.error("ERR No such client") : Reply.OK;
		}
		return Reply.integer(killed);
	}

	/**
	 * CLIENT PAUSE timeout [WRITE|ALL]: the mode is checked before the timeout, as Redis.
	 */
	private static Reply pause(CommandContext c) {
		if (c.argc() != 3 && c.argc() != 4) {
			return subcommandSyntaxError(c);
		}
		ClientPause.Type type = ClientPause.Type.ALL;
		if (c.argc() == 4) {
			if (Args.is(c.arg(3), "write")) {
				type = ClientPause.Type.WRITE;
			}
			else if (!Args.is(c.arg(3), "all")) {
				return Reply.error("ERR CLIENT PAUSE mode must be WRITE or ALL");
			}
		}
		Long timeout = Bytes.parseLong(c.arg(2));
		if (timeout == null) {
			return Reply.error("ERR timeout is not an integer or out of range");
		}
		if (timeout < 0) {
			return Reply.error("ERR timeout is negative");
		}
		// getTimeoutFromObjectOrReply: 0 stays 0 (no pause at all); as in Redis 7.0 the
		// sum may overflow, to a past end
		long end = timeout > 0 ? timeout + c.now() : 0;
		c.core().introspection().pause().pause(type, end);
		return Reply.OK;
	}

	private static Reply reply(CommandContext c) {
		ClientControl control = c.session().control();
		if (Args.is(c.arg(2), "on")) {
			control.replyOn();
			return Reply.OK;
		}
		if (Args.is(c.arg(2), "off")) {
			control.replyOff();
			return ClientControl.NO_REPLY;
		}
		if (Args.is(c.arg(2), "skip")) {
			control.replySkipNext();
			return ClientControl.NO_REPLY;
		}
		return Reply.error(Errors.SYNTAX);
	}

	private static Reply noEvict(CommandContext c) {
		if (Args.is(c.arg(2), "on")) {
			c.session().control().noEvict(true);
			return Reply.OK;
		}
		if (Args.is(c.arg(2), "off")) {
			c.session().control().noEvict(false);
			return Reply.OK;
		}
		return Reply.error(Errors.SYNTAX);
	}

	/**
	 * CLIENT UNBLOCK id [TIMEOUT|ERROR]: the blocked client gets its command's timeout
	 * reply, or the UNBLOCKED error. A client postponed by CLIENT PAUSE counts as
	 * unblocked, and is postponed again, as in Redis.
	 */
	private static Reply unblock(CommandContext c) {
		if (c.argc() != 3 && c.argc() != 4) {
			return subcommandSyntaxError(c);
		}
		boolean error = false;
		if (c.argc() == 4) {
			if (Args.is(c.arg(3), "error")) {
				error = true;
			}
			else if (!Args.is(c.arg(3), "timeout")) {
				return Reply.error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
			}
		}
		Long id = Bytes.parseLong(c.arg(2));
		if (id == null) {
			return Reply.error(Errors.NOT_INTEGER);
		}
		ClientSession target = byId(c, id);
		if (target == null) {
			return Reply.integer(0);
		}
		if (target.control().postponed()) {
			return Reply.integer(1);
		}
		Blocking blocking = c.core().blocking();
		Blocking.Waiter w = blocking.waiterOf(target);
		Blocking.Client client = target.blockClient();
		if (w == null || client == null || !blocking.cancel(w)) {
			return Reply.integer(0);
		}
		Reply reply = w.timeoutReply();
		if (error) {
			reply = Reply.error(UNBLOCKED);
			c.core().stats().errorReplies.increment();
			c.core().introspection().errorReplied(UNBLOCKED);
		}
		client.unblocked(reply);
		return Reply.integer(1);
	}

}
