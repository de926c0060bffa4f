package dev.larder.engine.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An enum parameter whose value is a set of flags, given as several names
 * (createEnumConfig with MULTI_ARG_CONFIG, e.g. {@code shutdown-on-sigterm "save now"}):
 * the names' bits are or-ed, and CONFIG GET prints the name of the whole value if there
 * is one, else the names of its bits in table order.
 */
public final class FlagsParameter extends ConfigParameter {

	private final Map<String, Integer> choices;

	private final Binding<Integer> binding;

	private final Check<Integer> check;

	public FlagsParameter(String name, @Nullable String alias, Map<String, Integer> choices, Binding<Integer> binding,
			Check<Integer> check, ConfigFlag... flags) {
		super(name, alias, withMultiArg(flags));
		this.choices = new LinkedHashMap<>(choices);
		this.binding = binding;
		this.check = check;
	}

	private static ConfigFlag[] withMultiArg(ConfigFlag... flags) {
		ConfigFlag[] out = Arrays.copyOf(flags, flags.length + 1);
		out[flags.length] = ConfigFlag.MULTI_ARG;
		return out;
	}

	/** configEnumGetName with bitflags. */
	@Override
	public String get() {
		int value = binding.get();
		StringBuilder names = new StringBuilder();
		int unmatched = value;
		for (Map.Entry<String, Integer> choice : choices.entrySet()) {
			int bits = choice.getValue();
			if (value == bits) {
				return choice.getKey();
			}
			if (bits != 0 && bits == (unmatched & bits)) {
				names.append(names.length() == 0 ? "" : " ").append(choice.getKey());
				unmatched &= ~bits;
			}
		}
		return names.length() == 0 || unmatched != 0 ? "unknown" : names.toString();
	}

	/** configEnumGetValue with bitflags: at least one name, every one known. */
	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		if (argv.isEmpty()) {
			throw invalid();
		}
		int value = 0;
		for (String arg : argv) {
			Integer bits = null;
			for (Map.Entry<String, Integer> choice : choices.entrySet()) {
				if (ConfigArgs.equalsIgnoreCase(choice.getKey(), arg)) {
					bits = choice.getValue();
				}
			}
			if (bits == null) {
				throw invalid();
			}
			value |= bits;
		}
		int flags = value;
		check.check(flags);
		return () -> binding.set(flags);
	}

	private InvalidValueException invalid() {
		return new InvalidValueException(EnumParameter.mustBeOneOf(new ArrayList<>(choices.keySet())));
	}

}
