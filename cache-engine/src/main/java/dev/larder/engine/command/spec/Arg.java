package dev.larder.engine.command.spec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One documented argument of a command, as COMMAND DOCS describes it: a name, a type, and
 * for keys the index of the key spec that finds them; optionally a token that precedes
 * it, the version that added or deprecated it, flags, and nested arguments for
 * {@link ArgType#ONEOF} and {@link ArgType#BLOCK}. Immutable: every modifier returns a
 * copy, so declarations read as {@code integer("count").token("COUNT").optional()}.
 */
public final class Arg {

	private final String name;

	private final ArgType type;

	private final int keySpecIndex;

	// Each null when the argument has none, and then left out of COMMAND DOCS.

	private final @Nullable String token;

	private final @Nullable String since;

	private final @Nullable String deprecatedSince;

	private final Set<ArgFlag> flags;

	private final List<Arg> arguments;

	private Arg(String name, ArgType type, int keySpecIndex, @Nullable String token, @Nullable String since,
			@Nullable String deprecatedSince, Set<ArgFlag> flags, List<Arg> arguments) {
		this.name = Objects.requireNonNull(name, "name");
		this.type = type;
		this.keySpecIndex = keySpecIndex;
		this.token = token;
		this.since = since;
		this.deprecatedSince = deprecatedSince;
		this.flags = flags;
		this.arguments = arguments;
	}

	private static Arg of(String name, ArgType type) {
		return new Arg(name, type, -1, null, null, null, Collections.emptySet(), List.of());
	}

	/** A key, found by the command's key spec number {@code keySpecIndex}. */
	public static Arg key(String name, int keySpecIndex) {
		if (keySpecIndex < 0) {
			throw new IllegalArgumentException("key argument " + name + " needs a key spec index");
		}
		return new Arg(name, ArgType.KEY, keySpecIndex, null, null, null, Collections.emptySet(), List.of());
	}

	public static Arg string(String name) {
		return of(name, ArgType.STRING);
	}

	public static Arg integer(String name) {
		return of(name, ArgType.INTEGER);
	}

	public static Arg doubleArg(String name) {
		return of(name, ArgType.DOUBLE);
	}

	public static Arg pattern(String name) {
		return of(name, ArgType.PATTERN);
	}

	/**
	 * A pattern that makes key names, read through the command's key spec number
	 * {@code keySpecIndex} (SORT's BY and GET).
	 */
	public static Arg pattern(String name, int keySpecIndex) {
		if (keySpecIndex < 0) {
			throw new IllegalArgumentException("keySpecIndex " + keySpecIndex);
		}
		return new Arg(name, ArgType.PATTERN, keySpecIndex, null, null, null, Collections.emptySet(), List.of());
	}

	public static Arg unixTime(String name) {
		return of(name, ArgType.UNIX_TIME);
	}

	/** A keyword that stands alone, such as NX. */
	public static Arg pureToken(String name, String token) {
		return of(name, ArgType.PURE_TOKEN).token(token);
	}

	/** Exactly one of {@code choices}. */
	public static Arg oneOf(String name, Arg... choices) {
		return new Arg(name, ArgType.ONEOF, -1, null, null, null, Collections.emptySet(), List.of(choices));
	}

	/** {@code parts} in sequence. */
	public static Arg block(String name, Arg... parts) {
		return new Arg(name, ArgType.BLOCK, -1, null, null, null, Collections.emptySet(), List.of(parts));
	}

	/** The keyword that precedes the argument, e.g. COUNT. */
	public Arg token(String token) {
		return new Arg(name, type, keySpecIndex, token, since, deprecatedSince, flags, arguments);
	}

	public Arg since(String since) {
		return new Arg(name, type, keySpecIndex, token, since, deprecatedSince, flags, arguments);
	}

	public Arg deprecatedSince(String deprecatedSince) {
		return new Arg(name, type, keySpecIndex, token, since, deprecatedSince, flags, arguments);
	}

	public Arg optional() {
		return with(ArgFlag.OPTIONAL);
	}

	/** May be repeated. */
	public Arg multiple() {
		return with(ArgFlag.MULTIPLE);
	}

	/** May be repeated, each time with its token. */
	public Arg multipleToken() {
		return with(ArgFlag.MULTIPLE_TOKEN);
	}

	private Arg with(ArgFlag flag) {
		EnumSet<ArgFlag> more = EnumSet.of(flag);
		more.addAll(flags);
		return new Arg(name, type, keySpecIndex, token, since, deprecatedSince, Collections.unmodifiableSet(more),
				arguments);
	}

	public String name() {
		return name;
	}

	public ArgType type() {
		return type;
	}

	/** Index into the command's key specs; -1 unless the type is {@link ArgType#KEY}. */
	public int keySpecIndex() {
		return keySpecIndex;
	}

	/** The keyword that precedes the argument, or null when none does. */
	public @Nullable String token() {
		return token;
	}

	/**
	 * The Redis version that added the argument, or null when it came with the command.
	 */
	public @Nullable String since() {
		return since;
	}

	/** The Redis version that deprecated the argument, or null. */
	public @Nullable String deprecatedSince() {
		return deprecatedSince;
	}

	/** In {@link ArgFlag} order. */
	public Set<ArgFlag> flags() {
		return flags;
	}

	/** The nested arguments of a oneof or block; empty otherwise. */
	public List<Arg> arguments() {
		return arguments;
	}

}
