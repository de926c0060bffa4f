package dev.larder.engine.command.spec;

import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command's metadata, declared once, with Redis 7.0's meanings: what COMMAND INFO and
 * COMMAND DOCS report, and what the engine reads to dispatch, check arity, lock the
 * shards of the keys and apply the flags' rules. The catalogues in this package
 * ({@link StringCommandSpecs}, ...) declare one constant per command the engine
 * implements; the command families bind a handler to each.
 *
 * <p>
 * Two things are derived, as Redis derives them when it loads its command table: the
 * {@link CommandFlag#MOVABLEKEYS} flag and the legacy first/last/step key range
 * (populateCommandLegacyRangeSpec), and the ACL categories implied by the flags
 * (setImplicitACLCategories: write, read, admin and dangerous, pubsub, fast or slow,
 * blocking), which are therefore not declared.
 */
public final class CommandSpec {

	private final String name;

	/** The container's name for a subcommand; null for a command. */
	private final @Nullable String container;

	private final int arity;

	private final Set<CommandFlag> flags;

	private final Set<AclCategory> aclCategories;

	private final List<CommandTip> tips;

	private final List<KeySpec> keySpecs;

	/** Null for a command whose key specs find all its keys. */
	private final @Nullable GetKeysProc getKeysProc;

	private final CommandGroup group;

	private final String since;

	private final String summary;

	// Optional documentation: null when Redis documents none, and then left out of
	// COMMAND DOCS.

	private final @Nullable String complexity;

	private final Set<DocFlag> docFlags;

	private final @Nullable String deprecatedSince;

	private final @Nullable String replacedBy;

	private final List<HistoryEntry> history;

	private final List<Arg> arguments;

	private final List<CommandSpec> subcommands;

	private final int firstKey;

	private final int lastKey;

	private final int keyStep;

	private final boolean hasKeySpecs;

	private final boolean variableKeyFlags;

	/**
	 * A key spec says "unknown" (SORT's STORE, which may appear anywhere) and a
	 * {@link GetKeysProc} knows: the keys to lock are the procedure's.
	 */
	private final boolean procFindsKeys;

	private CommandSpec(Builder b) {
		this.name = b.name;
		this.container = b.container;
		this.arity = b.arity;
		this.tips = List.copyOf(b.tips);
		this.keySpecs = List.copyOf(b.keySpecs);
		this.getKeysProc = b.getKeysProc;
		this.procFindsKeys = b.getKeysProc != null && keySpecs.stream()
			.anyMatch(k -> !k.has(KeySpecFlag.NOT_KEY) && (k.beginSearch() instanceof KeySpec.UnknownBegin
					|| k.findKeys() instanceof KeySpec.UnknownKeys));
		// build() checked the required ones.
		this.group = Objects.requireNonNull(b.group, "group");
		this.since = Objects.requireNonNull(b.since, "since");
		this.summary = Objects.requireNonNull(b.summary, "summary");
		this.complexity = b.complexity;
		this.docFlags = Collections.unmodifiableSet(b.docFlags);
		this.deprecatedSince = b.deprecatedSince;
		this.replacedBy = b.replacedBy;
		this.history = List.copyOf(b.history);
		this.arguments = List.copyOf(b.arguments);
		this.subcommands = List.copyOf(b.subcommands);
		EnumSet<CommandFlag> allFlags = EnumSet.noneOf(CommandFlag.class);
		allFlags.addAll(b.flags);
		int[] range = legacyRange(keySpecs, allFlags);
		this.firstKey = range[0];
		this.lastKey = range[1];
		this.keyStep = range[2];
		this.flags = Collections.unmodifiableSet(allFlags);
		this.aclCategories = Collections.unmodifiableSet(withImplicitCategories(b.aclCategories, allFlags));
		this.hasKeySpecs = keySpecs.stream().anyMatch(k -> !k.has(KeySpecFlag.NOT_KEY));
		this.variableKeyFlags = keySpecs.stream().anyMatch(k -> k.has(KeySpecFlag.VARIABLE_FLAGS));
	}

	/** Declares a command. */
	public static Builder command(String name) {
		return new Builder(name, null);
	}

	/**
	 * Declares a subcommand of {@code container}, named "container|name" as in Redis 7.
	 */
	public static Builder subcommand(String container, String name) {
		return new Builder(container + "|" + name, container);
	}

	/**
	 * populateCommandLegacyRangeSpec: the first/last/step COMMAND INFO reports (last as
	 * an absolute index, or negative from the end), covering every key only when the
	 * specs are consecutive plain ranges; otherwise the command gets the movablekeys
	 * flag.
	 */
	private static int[] legacyRange(List<KeySpec> specs, Set<CommandFlag> flags) {
		if (specs.isEmpty()) {
			return new int[] { 0, 0, 0 };
		}
		if (specs.size() == 1 && specs.get(0).isIndexRange()) {
			KeySpec spec = specs.get(0);
			if (spec.has(KeySpecFlag.INCOMPLETE)) {
				flags.add(CommandFlag.MOVABLEKEYS);
			}
			int pos = ((KeySpec.Index) spec.beginSearch()).pos();
			KeySpec.Range r = (KeySpec.Range) spec.findKeys();
			return new int[] { pos, r.lastKey() >= 0 ? pos + r.lastKey() : r.lastKey(), r.keyStep() };
		}
		int first = Integer.MAX_VALUE;
		int last = 0;
		int previousLast = 0;
		for (KeySpec spec : specs) {
			if (!spec.isIndexRange()) {
				flags.add(CommandFlag.MOVABLEKEYS);
				continue;
			}
			int pos = ((KeySpec.Index) spec.beginSearch()).pos();
			KeySpec.Range r = (KeySpec.Range) spec.findKeys();
			if (r.keyStep() != 1 || previousLast != 0 && previousLast != pos - 1) {
				flags.add(CommandFlag.MOVABLEKEYS);
				continue;
			}
			if (spec.has(KeySpecFlag.INCOMPLETE)) {
				flags.add(CommandFlag.MOVABLEKEYS);
			}
			first = Math.min(first, pos);
			int absoluteLast = r.lastKey() >= 0 ? pos + r.lastKey() : r.lastKey();
			// unsigned, as Redis compares, so a negative (from the end) last key wins
			last = Integer.compareUnsigned(last, absoluteLast) >= 0 ? last : absoluteLast;
			previousLast = last;
		}
		if (first == Integer.MAX_VALUE) {
			flags.add(CommandFlag.MOVABLEKEYS);
			return new int[] { 0, 0, 0 };
		}
		return new int[] { first, last, 1 };
	}

	/** setImplicitACLCategories. */
	private static EnumSet<AclCategory> withImplicitCategories(Set<AclCategory> declared, Set<CommandFlag> flags) {
		EnumSet<AclCategory> all = EnumSet.noneOf(AclCategory.class);
		all.addAll(declared);
		if (flags.contains(CommandFlag.WRITE)) {
			all.add(AclCategory.WRITE);
		}
		if (flags.contains(CommandFlag.READONLY) && !all.contains(AclCategory.SCRIPTING)) {
			all.add(AclCategory.READ);
		}
		if (flags.contains(CommandFlag.ADMIN)) {
			all.add(AclCategory.ADMIN);
			all.add(AclCategory.DANGEROUS);
		}
		if (flags.contains(CommandFlag.PUBSUB)) {
			all.add(AclCategory.PUBSUB);
		}
		if (flags.contains(CommandFlag.FAST)) {
			all.add(AclCategory.FAST);
		}
		if (flags.contains(CommandFlag.BLOCKING)) {
			all.add(AclCategory.BLOCKING);
		}
		if (!all.contains(AclCategory.FAST)) {
			all.add(AclCategory.SLOW);
		}
		return all;
	}

	// ------------------------------------------------------------------ keys

	/**
	 * The keys of a command line for COMMAND GETKEYS (getKeysFromCommandWithSpecs): from
	 * the key specs unless their flags vary with the arguments, else (or when the specs
	 * cannot find the keys in these arguments) from the command's {@link GetKeysProc}.
	 * Empty when neither finds keys.
	 */
	public List<KeyRef> getKeys(byte[][] args) {
		if (hasKeySpecs && !variableKeyFlags) {
			List<KeyRef> found = new ArrayList<>();
			if (search(args, false, false, (pos, spec) -> found.add(new KeyRef(pos, spec.flags())))) {
				return found;
			}
		}
		return getKeysProc == null ? List.of() : getKeysProc.keys(args);
	}

	/**
	 * Positions of the keys the key specs find in {@code args}, skipping any spec that
	 * finds none there (a malformed numkeys: the handler replies the error without
	 * touching a key). The executor locks these keys' shards for movable-keys commands,
	 * and a script may only call a command whose keys' shards it holds.
	 */
	public int[] keyPositions(byte[][] args) {
		if (procFindsKeys) {
			return procKeyPositions(args, false);
		}
		Positions out = new Positions(args.length);
		search(args, true, false, out);
		if (getKeysProc != null) {
			// the specs may miss a key the command touches: GEORADIUS ... STORE a STORE b
			// writes b, where the STORE spec finds the first STORE's key
			for (KeyRef key : getKeysProc.keys(args)) {
				out.addIfAbsent(key.position());
			}
		}
		return out.toArray();
	}

	/**
	 * Like {@link #keyPositions} but only the keys the command may write (every key spec
	 * not flagged RO): clients blocked on them may now be served.
	 */
	public int[] writtenKeyPositions(byte[][] args) {
		if (procFindsKeys) {
			return procKeyPositions(args, true);
		}
		Positions out = new Positions(args.length);
		search(args, true, true, out);
		return out.toArray();
	}

	// procFindsKeys implies a procedure
	@SuppressWarnings("NullAway")
	private int[] procKeyPositions(byte[][] args, boolean writtenOnly) {
		List<KeyRef> keys = getKeysProc.keys(args);
		int[] positions = new int[keys.size()];
		int n = 0;
		for (KeyRef k : keys) {
			if (!writtenOnly || !k.flags().contains(KeySpecFlag.RO)) {
				positions[n++] = k.position();
			}
		}
		return n == positions.length ? positions : Arrays.copyOf(positions, n);
	}

	/** doesCommandHaveKeys: whether COMMAND GETKEYS may find keys for this command. */
	public boolean mayHaveKeys() {
		return getKeysProc != null || hasKeySpecs;
	}

	private interface KeySink {

		void add(int position, KeySpec spec);

	}

	/** A growable int array of positions: a movable-keys command has few keys. */
	private static final class Positions implements KeySink {

		private int[] positions;

		private int size;

		Positions(int capacity) {
			positions = new int[capacity];
		}

		@Override
		public void add(int position, KeySpec spec) {
			add(position);
		}

		private void add(int position) {
			if (size == positions.length) {
				positions = Arrays.copyOf(positions, Math.max(4, size * 2));
			}
			positions[size++] = position;
		}

		void addIfAbsent(int position) {
			for (int i = 0; i < size; i++) {
				if (positions[i] == position) {
					return;
				}
			}
			add(position);
		}

		int[] toArray() {
			return size == positions.length ? positions : Arrays.copyOf(positions, size);
		}

	}

	/**
	 * getKeysUsingKeySpecs of Redis 7.0's db.c. Returns false when a spec cannot find its
	 * keys in {@code args} (and {@code partial} is false): its keys would be nonsense.
	 * With {@code partial} (GET_KEYSPEC_RETURN_PARTIAL) such specs are skipped.
	 */
	private boolean search(byte[][] args, boolean partial, boolean writtenOnly, KeySink sink) {
		int argc = args.length;
		for (KeySpec spec : keySpecs) {
			if (spec.has(KeySpecFlag.NOT_KEY) || writtenOnly && spec.has(KeySpecFlag.RO)) {
				continue;
			}
			int first = 0;
			if (spec.beginSearch() instanceof KeySpec.Index index) {
				first = index.pos();
			}
			else if (spec.beginSearch() instanceof KeySpec.Keyword keyword) {
				first = afterKeyword(args, keyword);
				if (first == 0) {
					continue;
				}
			}
			else if (!partial) {
				return false;
			}
			else {
				continue;
			}
			long last;
			int step;
			if (spec.findKeys() instanceof KeySpec.Range range) {
				step = range.keyStep();
				if (range.lastKey() >= 0) {
					last = (long) first + range.lastKey();
				}
				else if (range.limit() == 0) {
					last = argc + range.lastKey();
				}
				else {
					last = first + ((argc - first) / range.limit() + range.lastKey());
				}
			}
			else if (spec.findKeys() instanceof KeySpec.KeyNum keyNum) {
				step = keyNum.keyStep();
				int numKeysAt = first + keyNum.keyNumIdx();
				long[] numKeys = new long[1];
				if (numKeysAt >= argc || !Bytes.parseLong(args[numKeysAt], numKeys) || numKeys[0] < 0) {
					if (!partial) {
						return false;
					}
					continue;
				}
				first += keyNum.firstKey();
				last = first + numKeys[0] - 1;
			}
			else if (!partial) {
				return false;
			}
			else {
				continue;
			}
			if (last >= argc || last < first || first >= argc) {
				if (!partial) {
					return false;
				}
				continue;
			}
			for (int i = first; i <= last; i += step) {
				sink.add(i, spec);
			}
			if (spec.has(KeySpecFlag.INCOMPLETE) && !partial) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The index after the spec's keyword, searched as Redis does (forwards from a
	 * positive start up to the last argument, exclusive; backwards from a negative one
	 * down to argument 1, exclusive), or 0 when absent.
	 */
	private static int afterKeyword(byte[][] args, KeySpec.Keyword keyword) {
		int argc = args.length;
		int start = keyword.startFrom() > 0 ? keyword.startFrom() : argc + keyword.startFrom();
		int end = keyword.startFrom() > 0 ? argc - 1 : 1;
		String word = keyword.keyword().toLowerCase(Locale.ROOT);
		for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
			if (i >= argc || i < 1) {
				break;
			}
			if (Bytes.equalsIgnoreCase(args[i], word)) {
				return i + 1;
			}
		}
		return 0;
	}

	// ------------------------------------------------------------------ accessors

	/** The full name: "get", or "client|id" for a subcommand. */
	public String name() {
		return name;
	}

	/** The container's name for a subcommand, else null. */
	public @Nullable String container() {
		return container;
	}

	/** Counting the name: positive is exact, negative is a minimum of |arity|. */
	public int arity() {
		return arity;
	}

	public boolean arityOk(int argc) {
		return arity >= 0 ? argc == arity : argc >= -arity;
	}

	/** Declared flags plus movablekeys when derived, in COMMAND INFO order. */
	public Set<CommandFlag> flags() {
		return flags;
	}

	public boolean has(CommandFlag flag) {
		return flags.contains(flag);
	}

	/** Declared plus implied categories, in COMMAND INFO order. */
	public Set<AclCategory> aclCategories() {
		return aclCategories;
	}

	public List<CommandTip> tips() {
		return tips;
	}

	public List<KeySpec> keySpecs() {
		return keySpecs;
	}

	public @Nullable GetKeysProc getKeysProc() {
		return getKeysProc;
	}

	/** Redis's legacy first key index; 0 when the key specs have no plain range. */
	public int firstKey() {
		return firstKey;
	}

	/** The legacy last key index; negative counts from the end. */
	public int lastKey() {
		return lastKey;
	}

	public int keyStep() {
		return keyStep;
	}

	public CommandGroup group() {
		return group;
	}

	public String since() {
		return since;
	}

	public String summary() {
		return summary;
	}

	public @Nullable String complexity() {
		return complexity;
	}

	public Set<DocFlag> docFlags() {
		return docFlags;
	}

	public @Nullable String deprecatedSince() {
		return deprecatedSince;
	}

	public @Nullable String replacedBy() {
		return replacedBy;
	}

	public List<HistoryEntry> history() {
		return history;
	}

	public List<Arg> arguments() {
		return arguments;
	}

	public List<CommandSpec> subcommands() {
		return subcommands;
	}

	@Override
	public String toString() {
		return name;
	}

	/**
	 * Collects a declaration. Every setter names what it sets; {@link #build()} checks
	 * what must be there (arity, group, since, summary) and the cross-references (a key
	 * argument's key spec index, a subcommand's container).
	 */
	public static final class Builder {

		private final String name;

		private final @Nullable String container;

		private int arity;

		private final EnumSet<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);

		private final EnumSet<AclCategory> aclCategories = EnumSet.noneOf(AclCategory.class);

		private final List<CommandTip> tips = new ArrayList<>();

		private final List<KeySpec> keySpecs = new ArrayList<>();

		// Null until set; build() requires group, since and summary.

		private @Nullable GetKeysProc getKeysProc;

		private @Nullable CommandGroup group;

		private @Nullable String since;

		private @Nullable String summary;

		private @Nullable String complexity;

		private final EnumSet<DocFlag> docFlags = EnumSet.noneOf(DocFlag.class);

		private @Nullable String deprecatedSince;

		private @Nullable String replacedBy;

		private final List<HistoryEntry> history = new ArrayList<>();

		private final List<Arg> arguments = new ArrayList<>();

		private final List<CommandSpec> subcommands = new ArrayList<>();

		private Builder(String name, @Nullable String container) {
			if (!name.equals(name.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("command names are lower case: " + name);
			}
			this.name = name;
			this.container = container;
		}

		/** Counting the name (and the container's name for a subcommand). */
		public Builder arity(int arity) {
			this.arity = arity;
			return this;
		}

		public Builder flags(CommandFlag... flags) {
			this.flags.addAll(Arrays.asList(flags));
			return this;
		}

		/** The categories not implied by the flags (the data type, keyspace, ...). */
		public Builder acl(AclCategory... categories) {
			this.aclCategories.addAll(Arrays.asList(categories));
			return this;
		}

		public Builder tips(CommandTip... tips) {
			this.tips.addAll(Arrays.asList(tips));
			return this;
		}

		public Builder keySpecs(KeySpec... keySpecs) {
			this.keySpecs.addAll(Arrays.asList(keySpecs));
			return this;
		}

		/** See {@link GetKeysProc}. */
		public Builder getKeysProc(GetKeysProc getKeysProc) {
			this.getKeysProc = getKeysProc;
			return this;
		}

		public Builder group(CommandGroup group) {
			this.group = group;
			return this;
		}

		/** The Redis version that added the command. */
		public Builder since(String since) {
			this.since = since;
			return this;
		}

		public Builder summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Builder complexity(String complexity) {
			this.complexity = complexity;
			return this;
		}

		public Builder docFlags(DocFlag... docFlags) {
			this.docFlags.addAll(Arrays.asList(docFlags));
			return this;
		}

		public Builder deprecatedSince(String deprecatedSince) {
			this.deprecatedSince = deprecatedSince;
			return this;
		}

		public Builder replacedBy(String replacedBy) {
			this.replacedBy = replacedBy;
			return this;
		}

		/** One history line; call once per line, oldest first. */
		public Builder history(String since, String changes) {
			this.history.add(new HistoryEntry(since, changes));
			return this;
		}

		public Builder arguments(Arg... arguments) {
			this.arguments.addAll(Arrays.asList(arguments));
			return this;
		}

		/** The subcommands the engine implements, each declared with this container. */
		public Builder subcommands(CommandSpec... subcommands) {
			this.subcommands.addAll(Arrays.asList(subcommands));
			return this;
		}

		public CommandSpec build() {
			if (arity == 0) {
				throw new IllegalStateException(name + ": arity missing");
			}
			if (group == null || since == null || summary == null) {
				throw new IllegalStateException(name + ": group, since and summary are required");
			}
			if (flags.contains(CommandFlag.MOVABLEKEYS)) {
				throw new IllegalStateException(name + ": movablekeys is derived from the key specs, not declared");
			}
			checkKeyArguments(arguments);
			for (CommandSpec sub : subcommands) {
				if (!name.equals(sub.container())) {
					throw new IllegalStateException(sub.name() + " is not a subcommand of " + name);
				}
			}
			return new CommandSpec(this);
		}

		private void checkKeyArguments(List<Arg> args) {
			for (Arg arg : args) {
				if (arg.type() == ArgType.KEY && arg.keySpecIndex() >= keySpecs.size()) {
					throw new IllegalStateException(
							name + ": argument " + arg.name() + " refers to key spec " + arg.keySpecIndex());
				}
				checkKeyArguments(arg.arguments());
			}
		}

	}

}
