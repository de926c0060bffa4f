package dev.larder.engine.acl;

import dev.larder.engine.command.Command;
import dev.larder.engine.command.GlobMatcher;
import dev.larder.engine.command.spec.AclCategory;
import dev.larder.engine.command.spec.KeyRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set of permissions (Redis's aclSelector): the commands it allows as a bitmap over
 * command ids, first arguments allowed of otherwise denied commands, key patterns and
 * channel patterns. Every user has a root selector; Redis 7's {@code (...)} rules add
 * more, and a command is allowed when any selector allows it.
 *
 * <p>
 * Mutable only while rules are applied to a private copy; once its user's rules are
 * published it is only read.
 */
final class Selector {

	static final int OK = 0;

	static final int DENIED_CMD = 1;

	static final int DENIED_KEY = 2;

	static final int DENIED_CHANNEL = 4;

	private final CommandCatalog catalog;

	final boolean root;

	boolean allKeys;

	boolean allChannels;

	boolean allCommands;

	/** Bit per command id, plus {@link CommandCatalog#futureBit}. */
	final long[] allowed;

	/** Command id to the first arguments allowed though its bit is clear. */
	final Map<Integer, List<String>> firstArgs;

	final List<KeyPattern> patterns;

	final List<byte[]> channels;

	Selector(CommandCatalog catalog, boolean root) {
		this.catalog = catalog;
		this.root = root;
		this.allowed = new long[(catalog.futureBit >> 6) + 1];
		this.firstArgs = new LinkedHashMap<>();
		this.patterns = new ArrayList<>();
		this.channels = new ArrayList<>();
	}

	private Selector(Selector s) {
		this.catalog = s.catalog;
		this.root = s.root;
		this.allKeys = s.allKeys;
		this.allChannels = s.allChannels;
		this.allCommands = s.allCommands;
		this.allowed = s.allowed.clone();
		this.firstArgs = new LinkedHashMap<>();
		s.firstArgs.forEach((id, args) -> firstArgs.put(id, new ArrayList<>(args)));
		this.patterns = new ArrayList<>();
		s.patterns.forEach(p -> patterns.add(p.copy()));
		this.channels = new ArrayList<>(s.channels);
	}

	Selector copy() {
		return new Selector(this);
	}

	/** Allows every command, key and channel: checks can be skipped. */
	boolean unrestricted() {
		return allCommands && allKeys && allChannels;
	}

	// ------------------------------------------------------------------ bits

	boolean bit(int id) {
		return (allowed[id >> 6] & (1L << id)) != 0;
	}

	/** ACLSetSelectorCommandBit: clearing a bit loses ALLCOMMANDS. */
	private void bit(int id, boolean value) {
		if (value) {
			allowed[id >> 6] |= 1L << id;
		}
		else {
			allowed[id >> 6] &= ~(1L << id);
			allCommands = false;
		}
	}

	/** ACLChangeSelectorPerm: a container's subcommands follow it. */
	void change(CommandCatalog.Entry cmd, boolean allow) {
		bit(cmd.id, allow);
		firstArgs.remove(cmd.id);
		for (CommandCatalog.Entry sub : cmd.subcommands) {
			bit(sub.id, allow);
		}
	}

	void category(AclCategory category, boolean allow) {
		for (CommandCatalog.Entry c : catalog.topLevel()) {
			if (c.categories.contains(category)) {
				change(c, allow);
			}
			for (CommandCatalog.Entry sub : c.subcommands) {
				if (sub.categories.contains(category)) {
					change(sub, allow);
				}
			}
		}
	}

	void allCommands(boolean allow) {
		Arrays.fill(allowed, allow ? -1L : 0L);
		allCommands = allow;
		firstArgs.clear();
	}

	boolean canRunFutureCommands() {
		return bit(catalog.futureBit);
	}

	// ------------------------------------------------------------------ rules

	/** ACLSetSelector: applies one rule, or throws with Redis's reason. */
	void apply(byte[] op) throws AclRuleException {
		String text = new String(op, StandardCharsets.UTF_8);
		String lower = text.toLowerCase(Locale.ROOT);
		switch (lower) {
			case "allkeys", "~*" -> {
				allKeys = true;
				patterns.clear();
				return;
			}
			case "resetkeys" -> {
				allKeys = false;
				patterns.clear();
				return;
			}
			case "allchannels", "&*" -> {
				allChannels = true;
				channels.clear();
				return;
			}
			case "resetchannels" -> {
				allChannels = false;
				channels.clear();
				return;
			}
			case "allcommands", "+@all" -> {
				allCommands(true);
				return;
			}
			case "nocommands", "-@all" -> {
				allCommands(false);
				return;
			}
			default -> {
			}
		}
		byte first = op[0];
		byte second = op.length > 1 ? op[1] : 0;
		if (first == '~' || first == '%') {
			keyPattern(op);
		}
		else if (first == '&') {
			if (allChannels) {
				throw new AclRuleException(AclRuleException.CHANNELS_AFTER_ALL);
			}
			byte[] pattern = Arrays.copyOfRange(op, 1, op.length);
			noSpaces(pattern);
			if (channels.stream().noneMatch(c -> Arrays.equals(c, pattern))) {
				channels.add(pattern);
			}
			allChannels = false;
		}
		else if (first == '+' && second != '@') {
			allow(text.substring(1));
		}
		else if (first == '-' && second != '@') {
			CommandCatalog.Entry cmd = catalog.lookup(text.substring(1));
			if (cmd == null) {
				throw new AclRuleException(AclRuleException.UNKNOWN);
			}
			change(cmd, false);
		}
		else if ((first == '+' || first == '-') && second == '@') {
			AclCategory category = AclCategory.byName(text.substring(2));
			if (category == null) {
				throw new AclRuleException(AclRuleException.UNKNOWN);
			}
			category(category, first == '+');
		}
		else {
			throw new AclRuleException(AclRuleException.SYNTAX);
		}
	}

	private void keyPattern(byte[] op) throws AclRuleException {
		if (allKeys) {
			throw new AclRuleException(AclRuleException.KEYS_AFTER_ALL);
		}
		int permissions = 0;
		int offset = 1;
		if (op[0] == '%') {
			for (; offset < op.length; offset++) {
				int c = Character.toUpperCase(op[offset]);
				if (c == 'R' && (permissions & KeyPattern.READ) == 0) {
					permissions |= KeyPattern.READ;
				}
				else if (c == 'W' && (permissions & KeyPattern.WRITE) == 0) {
					permissions |= KeyPattern.WRITE;
				}
				else if (c == '~') {
					offset++;
					break;
				}
				else {
					throw new AclRuleException(AclRuleException.SYNTAX);
				}
			}
			if (permissions == 0) {
				throw new AclRuleException(AclRuleException.SYNTAX);
			}
		}
		else {
			permissions = KeyPattern.ALL;
		}
		byte[] pattern = Arrays.copyOfRange(op, offset, op.length);
		noSpaces(pattern);
		KeyPattern existing = null;
		for (KeyPattern p : patterns) {
			if (p.samePattern(pattern)) {
				existing = p;
			}
		}
		if (existing == null) {
			patterns.add(new KeyPattern(pattern, permissions));
		}
		else {
			existing.permissions |= permissions;
		}
		allKeys = false;
	}

	/** ACLStringHasSpaces: C's isspace or a NUL. */
	private static void noSpaces(byte[] s) throws AclRuleException {
		for (byte b : s) {
			if (b == ' ' || b >= '\t' && b <= '\r' || b == 0) {
				throw new AclRuleException(AclRuleException.SYNTAX);
			}
		}
	}

	/** +command, +container|sub, or +command|first-arg. */
	private void allow(String name) throws AclRuleException {
		int bar = name.lastIndexOf('|');
		if (bar < 0) {
			CommandCatalog.Entry cmd = catalog.lookup(name);
			if (cmd == null) {
				throw new AclRuleException(AclRuleException.UNKNOWN);
			}
			change(cmd, true);
			return;
		}
		CommandCatalog.Entry cmd = catalog.lookup(name.substring(0, bar));
		if (cmd == null) {
			throw new AclRuleException(AclRuleException.UNKNOWN);
		}
		if (cmd.subcommand) {
			throw new AclRuleException(AclRuleException.FIRST_ARG_OF_SUBCOMMAND);
		}
		String sub = name.substring(bar + 1);
		if (sub.isEmpty()) {
			throw new AclRuleException(AclRuleException.SYNTAX);
		}
		if (!cmd.subcommands.isEmpty()) {
			CommandCatalog.Entry subcommand = catalog.lookup(name);
			if (subcommand == null) {
				throw new AclRuleException(AclRuleException.UNKNOWN);
			}
			change(subcommand, true);
			return;
		}
		List<String> args = firstArgs.computeIfAbsent(cmd.id, id -> new ArrayList<>());
		if (args.stream().noneMatch(a -> a.equalsIgnoreCase(sub))) {
			args.add(sub);
		}
	}

	// ------------------------------------------------------------------ checks

	/** The reason of a verdict of {@link #check}: DENIED_CMD, DENIED_KEY, ... */
	static int reason(int verdict) {
		return verdict & 7;
	}

	/** The argument index of the denied key or channel of a verdict, else 0. */
	static int position(int verdict) {
		return verdict >>> 3;
	}

	private static int verdict(int reason, int position) {
		return reason | position << 3;
	}

	/**
	 * ACLSelectorCheckCmd: OK, or a verdict packing the first reason to deny with the
	 * denied key or channel's argument index (see {@link #reason}, {@link #position}), so
	 * the check of every command allocates nothing.
	 */
	int check(Command cmd, byte[][] args) {
		int id = cmd.id();
		if (!allCommands && !cmd.noAuth() && !bit(id) && !firstArgAllowed(cmd, args)) {
			return DENIED_CMD;
		}
		if (!allKeys && cmd.spec().mayHaveKeys()) {
			int denied = deniedKey(cmd, args);
			if (denied != 0) {
				return verdict(DENIED_KEY, denied);
			}
		}
		if (!allChannels) {
			CommandCatalog.Channels kind = catalog.channels(id);
			if (kind != CommandCatalog.Channels.NONE) {
				int last = kind == CommandCatalog.Channels.FIRST ? Math.min(1, args.length - 1) : args.length - 1;
				for (int i = 1; i <= last; i++) {
					if (!channelAllowed(args[i], kind == CommandCatalog.Channels.ALL_LITERAL)) {
						return verdict(DENIED_CHANNEL, i);
					}
				}
			}
		}
		return OK;
	}

	private boolean firstArgAllowed(Command cmd, byte[][] args) {
		List<String> allowedArgs = firstArgs.get(cmd.id());
		if (allowedArgs == null || args.length < 2) {
			return false;
		}
		int idx = cmd.spec().container() != null ? 2 : 1;
		if (idx >= args.length) {
			return false;
		}
		String arg = new String(args[idx], StandardCharsets.UTF_8);
		return allowedArgs.stream().anyMatch(arg::equalsIgnoreCase);
	}

	/** The index of the first key no pattern permits, or 0. */
	private int deniedKey(Command cmd, byte[][] args) {
		int permission = catalog.simpleKeyPermission(cmd.id());
		if (permission >= 0) {
			if (permission == CommandCatalog.SET_PERMISSION) {
				permission = CommandCatalog.setPermission(args);
			}
			// getKeysUsingKeySpecs of the one index/range spec, without a result array
			int[] r = catalog.simpleRange(cmd.id());
			int argc = args.length;
			int first = r[0];
			long last = r[1] >= 0 ? (long) first + r[1]
					: r[3] == 0 ? argc + r[1] : first + ((argc - first) / r[3] + r[1]);
			if (last >= argc || last < first || first >= argc) {
				return 0;
			}
			for (int i = first; i <= last; i += r[2]) {
				if (!keyAllowed(args[i], permission)) {
					return i;
				}
			}
			return 0;
		}
		for (KeyRef ref : cmd.spec().getKeys(args)) {
			if (!keyAllowed(args[ref.position()], CommandCatalog.permissionFor(ref.flags()))) {
				return ref.position();
			}
		}
		return 0;
	}

	/**
	 * ACLSelectorHasUnrestrictedKeyAccess for reading: allkeys, or the pattern {@code *}
	 * with read permission.
	 */
	boolean readsEveryKey() {
		if (allKeys) {
			return true;
		}
		for (KeyPattern p : patterns) {
			if ((p.permissions & KeyPattern.READ) != 0 && p.pattern.length == 1 && p.pattern[0] == '*') {
				return true;
			}
		}
		return false;
	}

	/** ACLSelectorCheckKey, also for ACLUserCheckKeyPerm. */
	boolean keyAllowed(byte[] key, int permission) {
		if (allKeys) {
			return true;
		}
		for (KeyPattern p : patterns) {
			if (p.permits(key, permission)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * ACLCheckChannelAgainstList: a PSUBSCRIBE pattern must equal a channel pattern; a
	 * channel must match one.
	 */
	boolean channelAllowed(byte[] channel, boolean literal) {
		if (allChannels) {
			return true;
		}
		for (byte[] pattern : channels) {
			if (literal ? Arrays.equals(pattern, channel) : GlobMatcher.matches(pattern, channel)) {
				return true;
			}
		}
		return false;
	}

}
