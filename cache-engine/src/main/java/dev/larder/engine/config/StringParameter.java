package dev.larder.engine.config;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A string parameter (createStringConfig, createSDSConfig). An unset one (NULL in Redis)
 * is kept as the empty string, which is what CONFIG GET prints for it.
 */
public final class StringParameter extends ConfigParameter {

	private final Binding<String> binding;

	private final Check<String> check;

	public StringParameter(String name, @Nullable String alias, Binding<String> binding, Check<String> check,
			ConfigFlag... flags) {
		super(name, alias, flags);
		this.binding = binding;
		this.check = check;
	}

	/** A parameter the engine has no use for, kept at Redis's default until set. */
	public static StringParameter stored(String name, @Nullable String alias, String initial, ConfigFlag... flags) {
		return new StringParameter(name, alias, Binding.stored(initial), Check.none(), flags);
	}

	public static StringParameter stored(String name, String initial, ConfigFlag... flags) {
		return stored(name, null, initial, flags);
	}

	/**
	 * A parameter CONFIG SET never reaches (immutable or protected) whose value the
	 * engine reads from elsewhere, such as dir or replicaof.
	 */
	public static StringParameter readOnly(String name, @Nullable String alias, Supplier<String> value,
			ConfigFlag... flags) {
		return new StringParameter(name, alias, Binding.readOnly(value), Check.none(), flags);
	}

	@Override
	public String get() {
		return binding.get();
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		String value = String.join(" ", argv);
		check.check(value);
		// as Redis's sdsConfigSet: an unchanged value is not applied again, which matters
		// where applying is not idempotent (requirepass resets the default user's
		// passwords, including those ACL SETUSER added since)
		if (value.equals(binding.get())) {
			return () -> {
			};
		}
		return () -> binding.set(value);
	}

}
