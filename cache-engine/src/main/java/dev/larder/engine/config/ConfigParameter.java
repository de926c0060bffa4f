package dev.larder.engine.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of the parameter table: its name, the alias CONFIG also answers to, its flags,
 * how CONFIG GET prints its value and how CONFIG SET checks a new one.
 */
public abstract class ConfigParameter {

	private final String name;

	private final @Nullable String alias;

	private final Set<ConfigFlag> flags;

	protected ConfigParameter(String name, @Nullable String alias, ConfigFlag... flags) {
		this.name = name;
		this.alias = alias;
		this.flags = flags.length == 0 ? EnumSet.noneOf(ConfigFlag.class) : EnumSet.of(flags[0], flags);
	}

	public final String name() {
		return name;
	}

	public final @Nullable String alias() {
		return alias;
	}

	public final boolean is(ConfigFlag flag) {
		return flags.contains(flag);
	}

	/** The value as CONFIG GET prints it. */
	public abstract String get();

	/**
	 * Checks a value as Redis's set function does, without applying it: the returned
	 * change applies it and cannot fail, so CONFIG SET checks every pair before it
	 * applies any.
	 */
	public final Runnable prepare(String value) throws InvalidValueException {
		return prepare(is(ConfigFlag.MULTI_ARG) ? ConfigArgs.split(value) : List.of(value));
	}

	/** {@link #prepare(String)} over the value's arguments (one unless MULTI_ARG). */
	protected abstract Runnable prepare(List<String> argv) throws InvalidValueException;

}
