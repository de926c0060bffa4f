package dev.larder.engine.command;

import dev.larder.engine.UnknownCommandException;
import dev.larder.engine.command.spec.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The commands the engine implements: each a declared {@link CommandSpec} bound to a
 * handler by its family's {@code register(CommandTable)}. Looked up case-insensitively
 * straight from the request bytes through an open-addressing table, so dispatch allocates
 * nothing (no lower-cased String per command).
 */
public final class CommandTable {

	private final List<Command> commands = new ArrayList<>();

	/**
	 * The lower-cased name each of {@link #commands} answers to: its own, unless
	 * rename-command gave it another.
	 */
	private final List<byte[]> names = new ArrayList<>();

	/** Open addressing: a slot is null until a command is placed in it. */
	private @Nullable Command[] slots = new Command[256];

	/** The name the command in the same slot of {@link #slots} answers to. */
	private byte[] @Nullable [] slotNames = new byte[256][];

	/** Commands and subcommands bound so far: the next {@link Command#id()}. */
	private int bound;

	/** Binds a command, or a subcommand of a container bound before. */
	public void bind(CommandSpec spec, CommandHandler handler) {
		add(spec, handler, false);
	}

	/**
	 * Binds a keyless command whose handler locks shard by shard itself (see
	 * {@link Command#walksKeyspace()}).
	 */
	public void bindWalkingKeyspace(CommandSpec spec, CommandHandler handler) {
		add(spec, handler, true);
	}

	/**
	 * Binds a command that may read keys its arguments do not name, when
	 * {@code readsUndeclaredKeys} says so for a call (SORT's BY and GET patterns): the
	 * executor and EXEC then lock every shard, in ascending order, so the handler may
	 * read any key; a script, which holds only its declared keys' shards, may read only
	 * the keys in those.
	 */
	public void bindReadingUndeclaredKeys(CommandSpec spec, CommandHandler handler,
			java.util.function.Predicate<byte[][]> readsUndeclaredKeys) {
		add(spec, handler, false, readsUndeclaredKeys);
	}

	/**
	 * Binds a container that has no handler of its own (CLIENT, CONFIG, ...); its
	 * subcommands are bound next.
	 */
	public void bindContainer(CommandSpec spec) {
		if (spec.subcommands().isEmpty()) {
			throw new IllegalArgumentException(spec.name() + " declares no subcommands");
		}
		add(spec, null, false);
	}

	private void add(CommandSpec spec, @Nullable CommandHandler handler, boolean walksKeyspace) {
		add(spec, handler, walksKeyspace, null);
	}

	private void add(CommandSpec spec, @Nullable CommandHandler handler, boolean walksKeyspace,
			java.util.function.@Nullable Predicate<byte[][]> readsUndeclaredKeys) {
		if (handler == null && spec.subcommands().isEmpty()) {
			throw new IllegalArgumentException(spec.name() + " needs a handler");
		}
		if (walksKeyspace && !spec.keySpecs().isEmpty()) {
			throw new IllegalArgumentException(spec.name() + " has keys: the executor locks them");
		}
		Command command = new Command(spec, handler, walksKeyspace, readsUndeclaredKeys, bound++);
		String containerName = spec.container();
		if (containerName != null) {
			addSubcommand(spec, containerName, command);
			return;
		}
		if (lookup(command.nameBytes()) != null) {
			throw new IllegalStateException("duplicate command " + spec.name());
		}
		commands.add(command);
		names.add(command.nameBytes());
		if (commands.size() * 2 > slots.length) {
			rebuild(slots.length * 2);
		}
		else {
			place(command.nameBytes(), command);
		}
	}

	/**
	 * Redis's rename-command: the command named {@code name} answers to {@code newName}
	 * from now on (its own name still shows in COMMAND INFO, as in Redis), or to nothing
	 * when {@code newName} is empty: it is then gone from COMMAND COUNT, LIST and INFO,
	 * and unknown to clients and scripts alike. A Redis command the engine does not
	 * implement is unknown already: renaming it changes nothing.
	 * @throws IllegalArgumentException when {@code name} is not a Redis command, or
	 * {@code newName} already is one (Redis's config errors)
	 */
	public void rename(String name, String newName) {
		byte[] from = name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
		int index = -1;
		for (int i = 0; i < names.size(); i++) {
			if (java.util.Arrays.equals(names.get(i), from)) {
				index = i;
			}
		}
		if (index < 0 && UnimplementedRedisCommands.contains(name)) {
			return; // unknown to clients already
		}
		if (index < 0) {
			throw new UnknownCommandException(name);
		}
		if (!newName.isEmpty() && lookup(newName) != null) {
			throw new IllegalArgumentException("Target command name already exists: " + newName);
		}
		if (newName.isEmpty()) {
			commands.remove(index);
			names.remove(index);
		}
		else {
			names.set(index, newName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		}
		rebuild(slots.length);
	}

	private void rebuild(int size) {
		slots = new Command[size];
		slotNames = new byte[size][];
		for (int i = 0; i < commands.size(); i++) {
			place(names.get(i), commands.get(i));
		}
	}

	private void addSubcommand(CommandSpec spec, String containerName, Command command) {
		Command container = lookup(containerName);
		if (container == null || !container.spec().subcommands().contains(spec)) {
			throw new IllegalStateException(spec.name() + " is not declared by a bound container " + containerName);
		}
		String sub = spec.name().substring(containerName.length() + 1);
		if (container.subcommands().putIfAbsent(sub, command) != null) {
			throw new IllegalStateException("duplicate command " + spec.name());
		}
	}

	/**
	 * Fails unless every declared subcommand of every container is bound: a declared
	 * command is an implemented command.
	 */
	public void verify() {
		for (Command c : commands) {
			for (CommandSpec sub : c.spec().subcommands()) {
				String name = sub.name().substring(c.name().length() + 1);
				if (c.subcommand(name) == null) {
					throw new IllegalStateException(sub.name() + " is declared but not bound to a handler");
				}
			}
		}
	}

	/** The command named {@code name} (case-insensitive), or null when unknown. */
	public @Nullable Command lookup(byte[] name) {
		int mask = slots.length - 1;
		for (int i = hash(name) & mask;; i = (i + 1) & mask) {
			Command c = slots[i];
			if (c == null) {
				return null;
			}
			if (matches(slotNames[i], name)) {
				return c;
			}
		}
	}

	public @Nullable Command lookup(String name) {
		return lookup(name.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * lookupCommandBySds: "get", or "client|id" for a subcommand (case-insensitive); null
	 * when unknown or nested deeper.
	 */
	public @Nullable Command lookupFullName(String fullName) {
		String[] parts = fullName.split("\\|", -1);
		if (parts.length > 2) {
			return null;
		}
		Command base = lookup(parts[0]);
		if (parts.length == 1 || base == null) {
			return base;
		}
		return base.subcommand(parts[1].toLowerCase(Locale.ROOT));
	}

	/** How many commands and subcommands are bound: ids are below this. */
	public int size() {
		return bound;
	}

	/** Every command, in binding order. */
	public List<Command> all() {
		return Collections.unmodifiableList(commands);
	}

	private void place(byte[] name, Command command) {
		int mask = slots.length - 1;
		int i = hash(name) & mask;
		while (slots[i] != null) {
			i = (i + 1) & mask;
		}
		slots[i] = command;
		slotNames[i] = name;
	}

	private static int hash(byte[] name) {
		int h = 0;
		for (byte b : name) {
			h = 31 * h + lower(b);
		}
		return h ^ (h >>> 7);
	}

	private static boolean matches(byte @Nullable [] lowerName, byte[] candidate) {
		if (lowerName == null) {
			return false;
		}
		if (lowerName.length != candidate.length) {
			return false;
		}
		for (int i = 0; i < candidate.length; i++) {
			if (lowerName[i] != lower(candidate[i])) {
				return false;
			}
		}
		return true;
	}

	private static int lower(byte b) {
		return b >= 'A' && b <= 'Z' ? b + 32 : b;
	}

}
