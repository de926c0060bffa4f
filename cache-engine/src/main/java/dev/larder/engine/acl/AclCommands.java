package dev.larder.engine.acl;

import dev.larder.engine.Reply;
import dev.larder.engine.command.Command;
import dev.larder.engine.command.CommandContext;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.Errors;
import dev.larder.engine.command.spec.AclCategory;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** ACL and its subcommands (aclCommand of acl.c). */
public final class AclCommands {

	private static final String NO_ACL_FILE = "ERR This Redis instance is not configured to use an ACL file. You may "
			+ "want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have "
			+ "a Redis configuration file set) in order to store users in the Redis configuration.";

	/** GENPASS_MAX_BITS. */
	private static final int GENPASS_MAX_BITS = 4096;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private AclCommands() {
	}

	public static void register(CommandTable t) {
		t.bindContainer(ServerCommandSpecs.ACL);
		t.bind(ServerCommandSpecs.ACL_CAT, AclCommands::cat);
		t.bind(ServerCommandSpecs.ACL_DELUSER, AclCommands::deluser);
		t.bind(ServerCommandSpecs.ACL_DRYRUN, AclCommands::dryrun);
		t.bind(ServerCommandSpecs.ACL_GENPASS, AclCommands::genpass);
		t.bind(ServerCommandSpecs.ACL_GETUSER, AclCommands::getuser);
		t.bind(ServerCommandSpecs.ACL_HELP, AclCommands::help);
		t.bind(ServerCommandSpecs.ACL_LIST, c -> list(c, false));
		t.bind(ServerCommandSpecs.ACL_LOAD, c -> Reply.error(NO_ACL_FILE));
		t.bind(ServerCommandSpecs.ACL_LOG, AclCommands::log);
		t.bind(ServerCommandSpecs.ACL_SAVE, c -> Reply.error(NO_ACL_FILE));
		t.bind(ServerCommandSpecs.ACL_SETUSER, AclCommands::setuser);
		t.bind(ServerCommandSpecs.ACL_USERS, c -> list(c, true));
		t.bind(ServerCommandSpecs.ACL_WHOAMI, AclCommands::whoami);
	}

	private static Acl acl(CommandContext c) {
		return c.core().acl();
	}

	private static Reply setuser(CommandContext c) {
		byte[] name = c.arg(2);
		if (RuleArguments.hasSpaces(name)) {
			return Reply.error("ERR Usernames can't contain spaces or null characters");
		}
		List<byte[]> args = new ArrayList<>();
		for (int i = 3; i < c.argc(); i++) {
			args.add(c.arg(i));
		}
		List<byte[]> merged = RuleArguments.mergeSelectors(args);
		if (merged == null) {
			return Reply.error(Errors.sanitize("ERR Unmatched parenthesis in acl selector starting at '"
					+ Bytes.string(args.get(RuleArguments.unmatchedIndex(args))) + "'."));
		}
		try {
			acl(c).setUser(Bytes.string(name), merged, c.session());
		}
		catch (AclRuleException e) {
			return Reply.error(Errors.sanitize("ERR Error in ACL SETUSER modifier '" + e.rule() + "': " + e.reason()));
		}
		return Reply.OK;
	}

	private static Reply deluser(CommandContext c) {
		for (int i = 2; i < c.argc(); i++) {
			if (Arrays.equals(c.arg(i), Bytes.utf8(Acl.DEFAULT_USER))) {
				return Reply.error("ERR The 'default' user cannot be removed");
			}
		}
		int deleted = 0;
		for (int i = 2; i < c.argc(); i++) {
			if (acl(c).delete(Bytes.string(c.arg(i)), c.session())) {
				deleted++;
			}
		}
		return Reply.integer(deleted);
	}

	private static Reply getuser(CommandContext c) {
		AclUser u = acl(c).user(Bytes.string(c.arg(2)));
		if (u == null) {
			return Reply.NULL;
		}
		UserRules r = u.rules();
		RuleDescriber describer = acl(c).describer();
		List<Reply> fields = new ArrayList<>();
		fields.add(Reply.bulk("flags"));
		fields.add(new Reply.SetReply(r.flagNames().stream().map(f -> (Reply) Reply.bulk(f)).toList()));
		fields.add(Reply.bulk("passwords"));
		fields.add(new Reply.ArrayReply(r.passwords.stream().map(p -> (Reply) Reply.bulk(p)).toList()));
		fields.addAll(describeSelector(r.root(), describer));
		fields.add(Reply.bulk("selectors"));
		List<Reply> selectors = new ArrayList<>();
		for (Selector s : r.selectors.subList(1, r.selectors.size())) {
			selectors.add(new Reply.MapReply(describeSelector(s, describer)));
		}
		fields.add(new Reply.ArrayReply(selectors));
		return new Reply.MapReply(fields);
	}

	/** aclAddReplySelectorDescription: commands, keys, channels. */
	private static List<Reply> describeSelector(Selector s, RuleDescriber describer) {
		StringBuilder keys = new StringBuilder();
		if (s.allKeys) {
			keys.append("~*");
		}
		else {
			s.patterns.forEach(p -> keys.append(keys.isEmpty() ? "" : " ").append(p.describe()));
		}
		StringBuilder channels = new StringBuilder();
		if (s.allChannels) {
			channels.append("&*");
		}
		else {
			s.channels
				.forEach(ch -> channels.append(channels.isEmpty() ? "" : " ").append('&').append(Bytes.string(ch)));
		}
		return List.of(Reply.bulk("commands"), Reply.bulk(describer.describe(s)), Reply.bulk("keys"),
				Reply.bulk(keys.toString()), Reply.bulk("channels"), Reply.bulk(channels.toString()));
	}

	private static Reply list(CommandContext c, boolean namesOnly) {
		List<Reply> out = new ArrayList<>();
		RuleDescriber describer = acl(c).describer();
		acl(c).users()
			.forEach((name, u) -> out
				.add(Reply.bulk(namesOnly ? name : "user " + name + " " + u.rules().describe(describer))));
		return new Reply.ArrayReply(out);
	}

	private static Reply whoami(CommandContext c) {
		AclUser u = c.session().user();
		return u == null ? Reply.NULL : Reply.bulk(u.name());
	}

	private static Reply cat(CommandContext c) {
		if (c.argc() == 2) {
			List<Reply> out = new ArrayList<>();
			for (AclCategory category : AclCategory.values()) {
				out.add(Reply.bulk(category.categoryName()));
			}
			return new Reply.ArrayReply(out);
		}
		if (c.argc() != 3) {
			return syntaxError(c);
		}
		AclCategory category = AclCategory.byName(Bytes.string(c.arg(2)));
		if (category == null) {
			String name = Bytes.string(c.arg(2));
			return Reply.error(Errors
				.sanitize("ERR Unknown category '" + (name.length() > 128 ? name.substring(0, 128) : name) + "'"));
		}
		List<Reply> out = new ArrayList<>();
		for (CommandCatalog.Entry cmd : acl(c).catalog().inCategory(category)) {
			out.add(Reply.bulk(cmd.name));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply genpass(CommandContext c) {
		if (c.argc() > 3) {
			return syntaxError(c);
		}
		long bits = 256;
		if (c.argc() == 3) {
			Long v = Bytes.parseLong(c.arg(2));
			if (v == null) {
				return Reply.error(Errors.NOT_INTEGER);
			}
			bits = v;
		}
		if (bits <= 0 || bits > GENPASS_MAX_BITS) {
			return Reply.error("ERR ACL GENPASS argument must be the number of bits for the output password, a "
					+ "positive number up to " + GENPASS_MAX_BITS);
		}
		int chars = (int) ((bits + 3) / 4);
		char[] pass = new char[chars];
		for (int i = 0; i < chars; i++) {
			pass[i] = HEX[RANDOM.nextInt(16)];
		}
		return Reply.bulk(new String(pass));
	}

	private static Reply log(CommandContext c) {
		if (c.argc() > 3) {
			return syntaxError(c);
		}
		long count = 10;
		if (c.argc() == 3) {
			if (Bytes.string(c.arg(2)).equalsIgnoreCase("reset")) {
				acl(c).log().reset();
				return Reply.OK;
			}
			Long v = Bytes.parseLong(c.arg(2));
			if (v == null) {
				return Reply.error(Errors.NOT_INTEGER);
			}
			count = Math.max(0, v);
		}
		return acl(c).log().reply(count, c.now());
	}

	private static Reply dryrun(CommandContext c) {
		Acl acl = acl(c);
		AclUser u = acl.user(Bytes.string(c.arg(2)));
		if (u == null) {
			return Reply.error(Errors.sanitize("ERR User '" + Bytes.string(c.arg(2)) + "' not found"));
		}
		byte[][] args = new byte[c.argc() - 3][];
		for (int i = 3; i < c.argc(); i++) {
			args[i - 3] = c.arg(i);
		}
		Command cmd = c.core().table().lookup(args[0]);
		if (cmd != null && cmd.hasSubcommands() && args.length >= 2) {
			cmd = cmd.subcommand(Bytes.string(args[1]).toLowerCase(Locale.ROOT));
		}
		if (cmd == null) {
			return Reply.error(Errors.sanitize("ERR Command '" + Bytes.string(args[0]) + "' not found"));
		}
		if (!cmd.arityOk(args.length)) {
			return Reply.error(Errors.wrongArity(cmd.name()));
		}
		int verdict = Acl.check(u.rules(), cmd, args);
		int position = Selector.position(verdict);
		return switch (Selector.reason(verdict)) {
			case Selector.OK -> Reply.OK;
			case Selector.DENIED_CMD ->
				Reply.bulk("This user has no permissions to run the '" + cmd.name() + "' command");
			case Selector.DENIED_KEY ->
				Reply.bulk("This user has no permissions to access the '" + Bytes.string(args[position]) + "' key");
			default ->
				Reply.bulk("This user has no permissions to access the '" + Bytes.string(args[position]) + "' channel");
		};
	}

	/** addReplySubcommandSyntaxError. */
	private static Reply syntaxError(CommandContext c) {
		String sub = Bytes.string(c.arg(1));
		return Reply.error(Errors.sanitize("ERR unknown subcommand or wrong number of arguments for '"
				+ (sub.length() > 128 ? sub.substring(0, 128) : sub) + "'. Try ACL HELP."));
	}

	private static Reply help(CommandContext c) {
		return dev.larder.engine.command.ConnectionCommands.help("ACL", "CAT [<category>]",
				"    List all commands that belong to <category>, or all command categories",
				"    when no category is specified.", "DELUSER <username> [<username> ...]",
				"    Delete a list of users.", "DRYRUN <username> <command> [<arg> ...]",
				"    Returns whether the user can execute the given command without executing the command.",
				"GETUSER <username>", "    Get the user's details.", "GENPASS [<bits>]",
				"    Generate a secure 256-bit user password. The optional `bits` argument can",
				"    be used to specify a different size.", "LIST", "    Show users details in config file format.",
				"LOAD", "    Reload users from the ACL file.", "LOG [<count> | RESET]", "    Show the ACL log entries.",
				"SAVE", "    Save the current config to the ACL file.",
				"SETUSER <username> <attribute> [<attribute> ...]",
				"    Create or modify a user with the specified attributes.", "USERS",
				"    List all the registered usernames.", "WHOAMI", "    Return the current connection username.");
	}

}
