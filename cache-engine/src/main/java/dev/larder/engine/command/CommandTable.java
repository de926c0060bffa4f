package dev.larder.engine.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Name to {@link CommandSpec}, looked up case-insensitively straight from the request
 * bytes: an open-addressing table, so dispatch allocates nothing (no lower-cased String
 * per command).
 */
public final class CommandTable {

	private final List<CommandSpec> specs = new ArrayList<>();

	private CommandSpec[] slots = new CommandSpec[256];

	public void register(CommandSpec spec) {
		if (lookup(spec.nameBytes()) != null) {
			throw new IllegalStateException("duplicate command " + spec.name());
		}
		specs.add(spec);
		if (specs.size() * 2 > slots.length) {
			slots = new CommandSpec[slots.length * 2];
			specs.forEach(this::place);
		}
		else {
			place(spec);
		}
	}

	public CommandSpec lookup(byte[] name) {
		int mask = slots.length - 1;
		for (int i = hash(name) & mask;; i = (i + 1) & mask) {
			CommandSpec s = slots[i];
			if (s == null) {
				return null;
			}
			if (matches(s.nameBytes(), name)) {
				return s;
			}
		}
	}

	public CommandSpec lookup(String name) {
		return lookup(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Every command, in registration order. */
	public List<CommandSpec> all() {
		return Collections.unmodifiableList(specs);
	}

	private void place(CommandSpec spec) {
		int mask = slots.length - 1;
		int i = hash(spec.nameBytes()) & mask;
		while (slots[i] != null) {
			i = (i + 1) & mask;
		}
		slots[i] = spec;
	}

	private static int hash(byte[] name) {
		int h = 0;
		for (byte b : name) {
			h = 31 * h + lower(b);
		}
		return h ^ (h >>> 7);
	}

	private static boolean matches(byte[] lowerName, byte[] candidate) {
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
