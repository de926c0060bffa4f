package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ConnectionCommandSpecs;
import dev.larder.engine.command.spec.LaterRedisCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.pubsub.PubSubCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Connection state: PING ECHO HELLO AUTH SELECT QUIT RESET CLIENT (networking.c, acl.c).
 */
public final class ConnectionCommands {

	/**
	 * The Redis version the engine reports (INFO, HELLO, redis.REDIS_VERSION in scripts).
	 */
	public static final String REDIS_VERSION = "7.0.15";

	private static final byte[] DEFAULT_USER = Bytes.utf8("default");

	private ConnectionCommands() {
	}

	static void register(CommandTable t) {
		t.bind(ConnectionCommandSpecs.PING, ConnectionCommands::ping);
		t.bind(ConnectionCommandSpecs.ECHO, c -> Reply.bulk(c.arg(1)));
		t.bind(ConnectionCommandSpecs.HELLO, ConnectionCommands::hello);
		t.bind(ConnectionCommandSpecs.AUTH, ConnectionCommands::auth);
		t.bind(ConnectionCommandSpecs.SELECT, ConnectionCommands::select);
		t.bind(ConnectionCommandSpecs.QUIT, ConnectionCommands::quit);
		t.bind(ConnectionCommandSpecs.RESET, ConnectionCommands::reset);
		t.bindContainer(ConnectionCommandSpecs.CLIENT);
		t.bind(ConnectionCommandSpecs.CLIENT_ID, c -> Reply.integer(c.session().id()));
		t.bind(ConnectionCommandSpecs.CLIENT_GETNAME, c -> nameReply(c.session().name()));
		t.bind(ConnectionCommandSpecs.CLIENT_SETNAME, c -> {
			setName(c, c.arg(2));
			return Reply.OK;
		});
		t.bind(LaterRedisCommandSpecs.CLIENT_SETINFO, ConnectionCommands::setInfo);
		ClientCommands.register(t);
	}

	private static Reply nameReply(@Nullable String name) {
		return name == null ? Reply.NULL : Reply.bulk(name);
	}

	public static Reply help(String container, String... lines) {
		List<Reply> out = new ArrayList<>();
		out.add(new Reply.SimpleString(container + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"));
		for (String line : lines) {
			out.add(new Reply.SimpleString(line));
		}
		out.add(new Reply.SimpleString("HELP"));
		out.add(new Reply.SimpleString("    Prints this help."));
		return new Reply.ArrayReply(out);
	}

	private static Reply ping(CommandContext c) {
		if (c.argc() > 2) {
			return Reply.error(Errors.wrongArity("ping"));
		}
		Reply subscribed = PubSubCommands.subscribedPing(c);
		if (subscribed != null) {
			return subscribed;
		}
		return c.argc() == 1 ? Reply.PONG : Reply.bulk(c.arg(1));
	}

	/**
	 * HELLO [protover [AUTH user pass] [SETNAME name]]: the reply map is already in the
	 * new protocol. As networking.c's helloCommand, each AUTH and SETNAME takes effect as
	 * it is read, so one before a bad option (or before a failed AUTH) sticks though the
	 * command answers an error, and a SETNAME sticks even when HELLO then answers NOAUTH.
	 */
	private static Reply hello(CommandContext c) {
		int version = 0;
		int next = 1;
		if (c.argc() >= 2) {
			Long v = Bytes.parseLong(c.arg(next++));
			if (v == null) {
				return Reply.error("ERR Protocol version is not an integer or out of range");
			}
			if (v < 2 || v > 3) {
				return Reply.error(Errors.NOPROTO);
			}
			version = v.intValue();
		}
		for (int j = next; j < c.argc(); j++) {
			int more = c.argc() - 1 - j;
			if (Args.is(c.arg(j), "auth") && more >= 2) {
				if (!authenticate(c, c.arg(j + 1), c.arg(j + 2))) {
					return Reply.error(Errors.WRONGPASS);
				}
				j += 2;
			}
			else if (Args.is(c.arg(j), "setname") && more >= 1) {
				setName(c, c.arg(j + 1));
				j++;
			}
			else {
				return Reply
					.error(Errors.sanitize("ERR Syntax error in HELLO option '" + Bytes.string(c.arg(j)) + "'"));
			}
		}
		// the session's own flag, not authRequired: Redis 7.0's HELLO asks for AUTH even
		// when the default user has since become nopass
		if (!c.session().authenticated()) {
			return Reply.error(Errors.HELLO_NOAUTH);
		}
		if (version != 0) {
			c.session().protocol(version);
		}
		return new Reply.MapReply(List.of(Reply.bulk("server"), Reply.bulk("redis"), Reply.bulk("version"),
				Reply.bulk(REDIS_VERSION), Reply.bulk("proto"), Reply.integer(c.session().protocol()), Reply.bulk("id"),
				Reply.integer(c.session().id()), Reply.bulk("mode"), Reply.bulk("standalone"), Reply.bulk("role"),
				Reply.bulk("master"), Reply.bulk("modules"), Reply.EMPTY_ARRAY));
	}

	private static Reply auth(CommandContext c) {
		if (c.argc() > 3) {
			return Reply.error(Errors.SYNTAX);
		}
		byte[] user;
		byte[] pass;
		if (c.argc() == 2) {
			if (c.core().acl().defaultUserNopass()) {
				return Reply.error(Errors.AUTH_NOT_CONFIGURED);
			}
			user = DEFAULT_USER;
			pass = c.arg(1);
		}
		else {
			user = c.arg(1);
			pass = c.arg(2);
		}
		return authenticate(c, user, pass) ? Reply.OK : Reply.error(Errors.WRONGPASS);
	}

	/** ACLAuthenticateUser: a failure is logged and counted. */
	private static boolean authenticate(CommandContext c, byte[] user, byte[] pass) {
		return c.core().acl().authenticate(c.session(), user, pass, c.arg(0));
	}

	private static Reply select(CommandContext c) {
		int index = Args.parseInt(c.arg(1));
		if (index < 0 || index >= c.core().keyspace().databaseCount()) {
			return Reply.error(Errors.DB_OUT_OF_RANGE);
		}
		c.session().db(index);
		return Reply.OK;
	}

	private static Reply quit(CommandContext c) {
		c.session().requestClose();
		return Reply.OK;
	}

	private static Reply reset(CommandContext c) {
		ClientTrackingCommands.reset(c);
		c.core().transactions().discard(c.session());
		PubSubCommands.reset(c);
		c.core().monitors().remove(c.session());
		c.session().db(0);
		c.session().protocol(2);
		c.session().name(null);
		c.core().acl().reset(c.session());
		c.session().control().reset();
		return new Reply.SimpleString("RESET");
	}

	/** clientSetNameOrReply: printable ASCII without spaces; an empty name clears it. */
	private static void setName(CommandContext c, byte[] name) {
		for (byte b : name) {
			if (b < '!' || b > '~') {
				throw new ReplyException("ERR Client names cannot contain spaces, newlines or special characters.");
			}
		}
		c.session().name(name.length == 0 ? null : Bytes.string(name));
	}

	/**
	 * CLIENT SETINFO (Redis 7.2's clientSetinfoCommand): the option is checked before the
	 * value; an empty value clears it.
	 */
	private static Reply setInfo(CommandContext c) {
		boolean name = Args.is(c.arg(2), "lib-name");
		if (!name && !Args.is(c.arg(2), "lib-ver")) {
			return Reply.error(Errors.sanitize("ERR Unrecognized option '" + Bytes.string(c.arg(2)) + "'"));
		}
		byte[] value = c.arg(3);
		for (byte b : value) {
			if (b < '!' || b > '~') {
				return Reply.error(Errors.sanitize(
						"ERR " + Bytes.string(c.arg(2)) + " cannot contain spaces, newlines or special characters."));
			}
		}
		String v = value.length == 0 ? null : Bytes.string(value);
		if (name) {
			c.session().libName(v);
		}
		else {
			c.session().libVersion(v);
		}
		return Reply.OK;
	}

}
