package dev.larder.engine.acl;

import dev.larder.engine.command.Command;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.spec.AclCategory;
import dev.larder.engine.command.spec.KeySpec;
import dev.larder.engine.command.spec.KeySpecFlag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The engine's commands as ACL rules see them: by id (a bit of a user's command bitmap),
 * by rule name ("get", "client|id"), by category, and how to find the keys of each for a
 * permission check. Built once from the command table, after every command is bound.
 */
final class CommandCatalog {

	/** Commands with channels checked against a selector's channel patterns. */
	enum Channels {

		NONE, FIRST, ALL, ALL_LITERAL

	}

	private final CommandTable table;

	/** Indexed by id. */
	private final Command[] byId;

	/** Containers and plain commands, in binding order (Redis's orig_commands). */
	private final List<Command> topLevel;

	/** The bit "allcommands" sets beyond every command: Redis's future-commands bit. */
	final int futureBit;

	/**
	 * Per id: the READ/WRITE permission the single plain key spec needs, or -1 when the
	 * keys must be found through the spec's general search.
	 */
	private final int[] simpleKeyPermission;

	/** Per id with a simple key permission: begin index, last key, step, limit. */
	private final int[][] simpleRange;

	private final Channels[] channels;

	CommandCatalog(CommandTable table) {
		this.table = table;
		this.byId = new Command[table.size()];
		this.futureBit = table.size();
		this.topLevel = List.copyOf(table.all());
		this.simpleKeyPermission = new int[table.size()];
		this.simpleRange = new int[table.size()][];
		this.channels = new Channels[table.size()];
		for (Command c : topLevel) {
			index(c);
			for (Command sub : c.subcommandList()) {
				index(sub);
			}
		}
	}

	private void index(Command c) {
		byId[c.id()] = c;
		simpleKeyPermission[c.id()] = simpleKeyPermission(c);
		if (simpleKeyPermission[c.id()] >= 0) {
			KeySpec spec = c.spec().keySpecs().get(0);
			KeySpec.Range r = (KeySpec.Range) spec.findKeys();
			simpleRange[c.id()] = new int[] { ((KeySpec.Index) spec.beginSearch()).pos(), r.lastKey(), r.keyStep(),
					r.limit() };
		}
		channels[c.id()] = switch (c.name()) {
			case "publish", "spublish" -> Channels.FIRST;
			case "subscribe", "ssubscribe" -> Channels.ALL;
			case "psubscribe" -> Channels.ALL_LITERAL;
			default -> Channels.NONE;
		};
	}

	/**
	 * A command with one plain key spec (index, range, fixed flags): its keys are the
	 * spec's range and need the permission its flags imply.
	 */
	private static int simpleKeyPermission(Command c) {
		List<KeySpec> specs = c.spec().keySpecs();
		if (specs.size() != 1 || c.spec().getKeysProc() != null) {
			return -1;
		}
		KeySpec spec = specs.get(0);
		if (!(spec.beginSearch() instanceof KeySpec.Index) || !(spec.findKeys() instanceof KeySpec.Range)
				|| spec.has(KeySpecFlag.NOT_KEY) || spec.has(KeySpecFlag.INCOMPLETE)
				|| spec.has(KeySpecFlag.VARIABLE_FLAGS)) {
			return -1;
		}
		return permissionFor(spec.flags());
	}

	/**
	 * ACLSelectorCheckKey: access needs read; insert, delete and update need write
	 * (OW/RM/RW alone need neither).
	 */
	static int permissionFor(Set<KeySpecFlag> flags) {
		int p = 0;
		if (flags.contains(KeySpecFlag.ACCESS)) {
			p |= KeyPattern.READ;
		}
		if (flags.contains(KeySpecFlag.INSERT) || flags.contains(KeySpecFlag.DELETE)
				|| flags.contains(KeySpecFlag.UPDATE)) {
			p |= KeyPattern.WRITE;
		}
		return p;
	}

	int size() {
		return byId.length;
	}

	Command byId(int id) {
		return byId[id];
	}

	/** -1, or the permission every key of this simple command needs. */
	int simpleKeyPermission(int id) {
		return simpleKeyPermission[id];
	}

	/**
	 * The first and last key index and the step of a simple command's keys in a command
	 * line of {@code argc} arguments, as getKeysUsingKeySpecs computes them; null when
	 * the line has no such keys.
	 */
	int @Nullable [] simpleKeyRange(int id, int argc) {
		int[] r = simpleRange[id];
		int first = r[0];
		long last;
		if (r[1] >= 0) {
			last = (long) first + r[1];
		}
		else if (r[3] == 0) {
			last = argc + r[1];
		}
		else {
			last = first + ((argc - first) / r[3] + r[1]);
		}
		if (last >= argc || last < first || first >= argc) {
			return null;
		}
		return new int[] { first, (int) last, r[2] };
	}

	Channels channels(int id) {
		return channels[id];
	}

	List<Command> topLevel() {
		return topLevel;
	}

	/** ACLLookupCommand: "get" or "client|id", case-insensitive; null when unknown. */
	@Nullable Command lookup(String ruleName) {
		return table.lookupFullName(ruleName);
	}

	/**
	 * Every command and subcommand of {@code category}, in table order (Redis walks its
	 * command dict, whose order is a hash's).
	 */
	List<Command> inCategory(AclCategory category) {
		List<Command> out = new ArrayList<>();
		for (Command c : topLevel) {
			if (c.spec().aclCategories().contains(category)) {
				out.add(c);
			}
			for (Command sub : c.subcommandList()) {
				if (sub.spec().aclCategories().contains(category)) {
					out.add(sub);
				}
			}
		}
		return Collections.unmodifiableList(out);
	}

}
