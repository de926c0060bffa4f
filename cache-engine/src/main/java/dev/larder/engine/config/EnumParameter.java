package dev.larder.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parameter that takes one of a list of names (createEnumConfig). Several names may
 * stand for one value (oom-score-adj's {@code yes} and {@code relative}): CONFIG GET
 * prints the first.
 *
 * @param <T> the values the names stand for
 */
public final class EnumParameter<T> extends ConfigParameter {

	private final Map<String, T> choices;

	private final Binding<T> binding;

	private final Check<T> check;

	/** Choices in Redis's order, which its error text lists them in. */
	public EnumParameter(String name, @Nullable String alias, Map<String, T> choices, Binding<T> binding,
			Check<T> check, ConfigFlag... flags) {
		super(name, alias, flags);
		this.choices = new LinkedHashMap<>(choices);
		this.binding = binding;
		this.check = check;
	}

	/**
	 * A parameter the engine has no use for over plain names (each its own value), kept
	 * at Redis's default until set.
	 */
	public static EnumParameter<String> stored(String name, List<String> names, String initial, ConfigFlag... flags) {
		Map<String, String> choices = new LinkedHashMap<>();
		names.forEach(n -> choices.put(n, n));
		return new EnumParameter<>(name, null, choices, Binding.stored(initial), Check.none(), flags);
	}

	@Override
	public String get() {
		T value = binding.get();
		for (Map.Entry<String, T> choice : choices.entrySet()) {
			if (Objects.equals(choice.getValue(), value)) {
				return choice.getKey();
			}
		}
		return "unknown";
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		T value = lookup(argv.get(0));
		if (value == null) {
			throw new InvalidValueException(mustBeOneOf(new ArrayList<>(choices.keySet())));
		}
		check.check(value);
		return () -> binding.set(value);
	}

	private @Nullable T lookup(String text) {
		for (Map.Entry<String, T> choice : choices.entrySet()) {
			if (ConfigArgs.equalsIgnoreCase(choice.getKey(), text)) {
				return choice.getValue();
			}
		}
		return null;
	}

	/**
	 * Redis's enum error, cut to its 256-byte buffer (LOADBUF_SIZE) as enumConfigSet
	 * does.
	 */
	static String mustBeOneOf(List<String> names) {
		String text = "argument(s) must be one of the following: " + String.join(", ", names);
		return text.length() > 255 ? text.substring(0, 255) : text;
	}

}
