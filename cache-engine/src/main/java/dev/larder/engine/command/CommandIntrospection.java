package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.AclCategory;
import dev.larder.engine.command.spec.CommandFlag;
import dev.larder.engine.command.spec.CommandSpec;
import dev.larder.engine.command.spec.KeyRef;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * COMMAND and its subcommands (COUNT, INFO, DOCS, LIST, GETKEYS, GETKEYSANDFLAGS, HELP),
 * read from the command table with Redis 7.0.15's replies and error texts (server.c
 * commandCommand and friends). Commands come in binding order where Redis follows its
 * dictionary's order, which no client relies on.
 */
final class CommandIntrospection {

	private static final List<String> HELP = List.of("COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
			"(no subcommand)", "    Return details about all Redis commands.", "COUNT",
			"    Return the total number of commands in this Redis server.", "LIST",
			"    Return a list of all commands in this Redis server.", "INFO [<command-name> ...]",
			"    Return details about multiple Redis commands.",
			"    If no command names are given, documentation details for all", "    commands are returned.",
			"DOCS [<command-name> ...]", "    Return documentation details about multiple Redis commands.",
			"    If no command names are given, documentation details for all", "    commands are returned.",
			"GETKEYS <full-command>", "    Return the keys from a full Redis command.",
			"GETKEYSANDFLAGS <full-command>", "    Return the keys and the access flags from a full Redis command.",
			"HELP", "    Prints this help.");

	private CommandIntrospection() {
	}

	static void register(CommandTable t) {
		t.bind(ServerCommandSpecs.COMMAND, c -> infos(c.core().table().all()));
		t.bind(ServerCommandSpecs.COMMAND_COUNT, c -> Reply.integer(c.core().table().all().size()));
		t.bind(ServerCommandSpecs.COMMAND_INFO, CommandIntrospection::info);
		t.bind(ServerCommandSpecs.COMMAND_DOCS, CommandIntrospection::docs);
		t.bind(ServerCommandSpecs.COMMAND_LIST, CommandIntrospection::list);
		t.bind(ServerCommandSpecs.COMMAND_GETKEYS, c -> getKeys(c, false));
		t.bind(ServerCommandSpecs.COMMAND_GETKEYSANDFLAGS, c -> getKeys(c, true));
		t.bind(ServerCommandSpecs.COMMAND_HELP, c -> help());
	}

	private static Reply infos(List<Command> commands) {
		List<Reply> out = new ArrayList<>(commands.size());
		for (Command command : commands) {
			out.add(CommandReplies.info(command.spec()));
		}
		return new Reply.ArrayReply(out);
	}

	/** A null for each name that is not a command. */
	private static Reply info(CommandContext c) {
		if (c.argc() == 2) {
			return infos(c.core().table().all());
		}
		List<Reply> out = new ArrayList<>(c.argc() - 2);
		for (int i = 2; i < c.argc(); i++) {
			Command command = c.core().table().lookupFullName(Bytes.string(c.arg(i)));
			out.add(command == null ? Reply.NULL : CommandReplies.info(command.spec()));
		}
		return new Reply.ArrayReply(out);
	}

	/** Names that are not commands are left out. */
	private static Reply docs(CommandContext c) {
		List<Command> commands = new ArrayList<>();
		if (c.argc() == 2) {
			commands.addAll(c.core().table().all());
		}
		for (int i = 2; i < c.argc(); i++) {
			Command command = c.core().table().lookupFullName(Bytes.string(c.arg(i)));
			if (command != null) {
				commands.add(command);
			}
		}
		List<Reply> out = new ArrayList<>(commands.size() * 2);
		for (Command command : commands) {
			out.add(Reply.bulk(command.name()));
			out.add(CommandReplies.docs(command.spec()));
		}
		return new Reply.MapReply(out);
	}

	/**
	 * COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: every
	 * command and subcommand, or those the one filter (the last arguments) lets through.
	 */
	private static Reply list(CommandContext c) {
		Predicate<CommandSpec> filter = spec -> true;
		for (int i = 2; i < c.argc(); i++) {
			int moreArgs = c.argc() - 1 - i;
			if (!Bytes.equalsIgnoreCase(c.arg(i), "filterby") || moreArgs != 2) {
				return Reply.error(Errors.SYNTAX);
			}
			String value = Bytes.string(c.arg(i + 2));
			if (Bytes.equalsIgnoreCase(c.arg(i + 1), "module")) {
				filter = spec -> false; // the engine loads no modules
			}
			else if (Bytes.equalsIgnoreCase(c.arg(i + 1), "aclcat")) {
				AclCategory category = AclCategory.byName(value);
				filter = spec -> category != null && spec.aclCategories().contains(category);
			}
			else if (Bytes.equalsIgnoreCase(c.arg(i + 1), "pattern")) {
				// names are lower case, so a lower-cased pattern matches as Redis's
				// nocase match
				byte[] pattern = Bytes.utf8(value.toLowerCase(Locale.ROOT));
				filter = spec -> GlobMatcher.matches(pattern, Bytes.utf8(spec.name()));
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
			i += 2;
		}
		List<Reply> out = new ArrayList<>();
		for (Command command : c.core().table().all()) {
			addNames(command.spec(), filter, out);
		}
		return new Reply.ArrayReply(out);
	}

	private static void addNames(CommandSpec spec, Predicate<CommandSpec> filter, List<Reply> out) {
		if (filter.test(spec)) {
			out.add(Reply.bulk(spec.name()));
		}
		for (CommandSpec sub : spec.subcommands()) {
			addNames(sub, filter, out);
		}
	}

	/**
	 * COMMAND GETKEYS|GETKEYSANDFLAGS command [arg ...]: the keys the table finds in a
	 * command line (getKeysSubcommandImpl).
	 */
	private static Reply getKeys(CommandContext c, boolean withFlags) {
		byte[][] line = Arrays.copyOfRange(c.args, 2, c.argc());
		Command command = c.core().table().lookup(line[0]);
		if (command != null && line.length > 1 && command.hasSubcommands()) {
			command = command.subcommand(Bytes.string(line[1]).toLowerCase(Locale.ROOT));
		}
		if (command == null) {
			return Reply.error("ERR Invalid command specified");
		}
		CommandSpec spec = command.spec();
		if (!spec.mayHaveKeys()) {
			return Reply.error("ERR The command has no key arguments");
		}
		if (spec.arity() > 0 && spec.arity() != line.length || line.length < -spec.arity()) {
			return Reply.error("ERR Invalid number of arguments specified for command");
		}
		List<KeyRef> keys = spec.getKeys(line);
		if (keys.isEmpty()) {
			return spec.has(CommandFlag.NO_MANDATORY_KEYS) ? Reply.EMPTY_ARRAY
					: Reply.error("ERR Invalid arguments specified for command");
		}
		List<Reply> out = new ArrayList<>(keys.size());
		for (KeyRef key : keys) {
			Reply name = Reply.bulk(line[key.position()]);
			out.add(withFlags ? Reply.array(name, CommandReplies.keyFlags(key.flags())) : name);
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply help() {
		List<Reply> out = new ArrayList<>(HELP.size());
		for (String line : HELP) {
			out.add(new Reply.SimpleString(line));
		}
		return new Reply.ArrayReply(out);
	}

}
