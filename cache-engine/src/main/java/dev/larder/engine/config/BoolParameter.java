package dev.larder.engine.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A yes/no parameter (createBoolConfig). */
public final class BoolParameter extends ConfigParameter {

	private final Binding<Boolean> binding;

	private final Check<Boolean> check;

	public BoolParameter(String name, @Nullable String alias, Binding<Boolean> binding, Check<Boolean> check,
			ConfigFlag... flags) {
		super(name, alias, flags);
		this.binding = binding;
		this.check = check;
	}

	/** A parameter the engine has no use for, kept at Redis's default until set. */
	public static BoolParameter stored(String name, @Nullable String alias, boolean initial, ConfigFlag... flags) {
		return new BoolParameter(name, alias, Binding.stored(initial), Check.none(), flags);
	}

	public static BoolParameter stored(String name, boolean initial, ConfigFlag... flags) {
		return stored(name, null, initial, flags);
	}

	@Override
	public String get() {
		return binding.get() ? "yes" : "no";
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		boolean value = parse(argv.get(0));
		check.check(value);
		return () -> binding.set(value);
	}

	/** yesnotoi. */
	static boolean parse(String text) throws InvalidValueException {
		if (ConfigArgs.equalsIgnoreCase(text, "yes")) {
			return true;
		}
		if (ConfigArgs.equalsIgnoreCase(text, "no")) {
			return false;
		}
		throw new InvalidValueException("argument must be 'yes' or 'no'");
	}

}
