package dev.larder.engine.acl;

import dev.larder.engine.command.Command;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.spec.AclCategory;
import dev.larder.engine.command.spec.GetKeysProc;
import dev.larder.engine.command.spec.KeySpec;
import dev.larder.engine.command.spec.KeySpecFlag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The commands as ACL rules see them: by id (a bit of a user's command bitmap), by rule
 * name ("get", "client|id"), by category, and how to find the keys of each for a
 * permission check. Built once from the command table, after every command is bound.
 *
 * <p>
 * Besides the engine's commands it holds every other command of Redis 7.0.15 (from
 * {@code redis-7.0-commands.txt}), which the engine does not run: rules written for Redis
 * may name them ("-debug", "+xadd"), ACL CAT lists them, and the best-fit categories of
 * ACL GETUSER and LIST are judged over the same commands as Redis's.
 */
final class CommandCatalog {

	/** A command or subcommand a rule may name. */
	static final class Entry {

		final String name;

		final int id;

		final Set<AclCategory> categories;

		/** A subcommand ("client|id"): its first argument cannot be allowed alone. */
		final boolean subcommand;

		final List<Entry> subcommands = new ArrayList<>();

		Entry(String name, int id, Set<AclCategory> categories, boolean subcommand) {
			this.name = name;
			this.id = id;
			this.categories = categories;
			this.subcommand = subcommand;
		}

		@Override
		public String toString() {
			return name;
		}

	}

	/** Commands with channels checked against a selector's channel patterns. */
	enum Channels {

		NONE, FIRST, ALL, ALL_LITERAL

	}

	/** Containers and plain commands: the engine's in binding order, then Redis's. */
	private final List<Entry> topLevel = new ArrayList<>();

	/** By lower-case full name. */
	private final Map<String, Entry> byName = new HashMap<>();

	/** Entries by id: the engine's commands keep their table ids. */
	private final List<Entry> byId = new ArrayList<>();

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
		this.simpleKeyPermission = new int[table.size()];
		this.simpleRange = new int[table.size()][];
		this.channels = new Channels[table.size()];
		for (int i = 0; i < table.size(); i++) {
			byId.add(null);
		}
		for (Command c : table.all()) {
			Entry entry = add(c, false);
			topLevel.add(entry);
			for (Command sub : c.subcommandList()) {
				entry.subcommands.add(add(sub, true));
			}
		}
		addRedisCommands();
		this.futureBit = byId.size();
	}

	private Entry add(Command c, boolean subcommand) {
		Entry entry = new Entry(c.name(), c.id(), c.spec().aclCategories(), subcommand);
		byId.set(c.id(), entry);
		byName.put(c.name(), entry);
		index(c);
		return entry;
	}

	/** The commands of Redis 7.0.15 the engine does not implement, with new ids. */
	private void addRedisCommands() {
		InputStream in = CommandCatalog.class.getResourceAsStream("redis-7.0-commands.txt");
		Objects.requireNonNull(in, "redis-7.0-commands.txt is packaged with the engine");
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] words = line.trim().split(" ");
				String name = words[0];
				if (byName.containsKey(name)) {
					continue;
				}
				EnumSet<AclCategory> categories = EnumSet.noneOf(AclCategory.class);
				for (int i = 1; i < words.length; i++) {
					categories.add(Objects.requireNonNull(AclCategory.byName(words[i].substring(1)), words[i]));
				}
				int bar = name.indexOf('|');
				Entry entry = new Entry(name, byId.size(), Collections.unmodifiableSet(categories), bar >= 0);
				byId.add(entry);
				byName.put(name, entry);
				if (bar < 0) {
					topLevel.add(entry);
				}
				else {
					Objects.requireNonNull(byName.get(name.substring(0, bar)), name).subcommands.add(entry);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void index(Command c) {
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
		GetKeysProc proc = c.spec().getKeysProc();
		if (specs.size() != 1 || proc != null && proc != GetKeysProc.SET) {
			return -1;
		}
		KeySpec spec = specs.get(0);
		if (!(spec.beginSearch() instanceof KeySpec.Index) || !(spec.findKeys() instanceof KeySpec.Range)
				|| spec.has(KeySpecFlag.NOT_KEY) || spec.has(KeySpecFlag.INCOMPLETE)) {
			return -1;
		}
		if (spec.has(KeySpecFlag.VARIABLE_FLAGS)) {
			return proc == GetKeysProc.SET ? SET_PERMISSION : -1;
		}
		return permissionFor(spec.flags());
	}

	/**
	 * SET's key permission (setGetKeys): write, and read too with GET. Judged here so the
	 * most common write finds its key without building a key list.
	 */
	static final int SET_PERMISSION = 1 << 8;

	static int setPermission(byte[][] args) {
		for (int i = 3; i < args.length; i++) {
			byte[] a = args[i];
			if (a.length == 3 && (a[0] | 0x20) == 'g' && (a[1] | 0x20) == 'e' && (a[2] | 0x20) == 't') {
				return KeyPattern.READ | KeyPattern.WRITE;
			}
		}
		return KeyPattern.WRITE;
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

	/** Ids are below this; {@link #futureBit} is this. */
	int size() {
		return byId.size();
	}

	Entry byId(int id) {
		return byId.get(id);
	}

	/** The entry of an engine command. */
	Entry entry(Command c) {
		return byId.get(c.id());
	}

	/**
	 * -1, or the permission every key of this simple command needs, or
	 * {@link #SET_PERMISSION}.
	 */
	int simpleKeyPermission(int id) {
		return simpleKeyPermission[id];
	}

	/**
	 * A simple command's key spec: begin index, last key (negative from the end), step
	 * and limit, as {@link KeySpec.Range} has them.
	 */
	int[] simpleRange(int id) {
		return java.util.Objects.requireNonNull(simpleRange[id]);
	}

	Channels channels(int id) {
		return channels[id];
	}

	List<Entry> topLevel() {
		return topLevel;
	}

	/**
	 * ACLLookupCommand: "get" or "client|id", case-insensitive; null when unknown or
	 * nested deeper.
	 */
	@Nullable Entry lookup(String ruleName) {
		return byName.get(ruleName.toLowerCase(Locale.ROOT));
	}

	/**
	 * Every command and subcommand of {@code category}, in catalogue order (Redis walks
	 * its command dict, whose order is a hash's).
	 */
	List<Entry> inCategory(AclCategory category) {
		List<Entry> out = new ArrayList<>();
		for (Entry c : topLevel) {
			if (c.categories.contains(category)) {
				out.add(c);
			}
			for (Entry sub : c.subcommands) {
				if (sub.categories.contains(category)) {
					out.add(sub);
				}
			}
		}
		return Collections.unmodifiableList(out);
	}

}
