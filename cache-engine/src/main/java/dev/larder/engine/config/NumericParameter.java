package dev.larder.engine.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bounded number (createIntConfig, createSizeTConfig, ...): parsed by its format,
 * checked against its bounds the way its C type compares, then by its own check.
 */
public final class NumericParameter extends ConfigParameter {

	private final NumericType type;

	private final long lower;

	private final long upper;

	private final NumericFormat format;

	private final Binding<Long> binding;

	private final Check<Long> check;

	public NumericParameter(String name, @Nullable String alias, NumericType type, long lower, long upper,
			NumericFormat format, Binding<Long> binding, Check<Long> check, ConfigFlag... flags) {
		super(name, alias, flags);
		this.type = type;
		this.lower = lower;
		this.upper = upper;
		this.format = format;
		this.binding = binding;
		this.check = check;
	}

	/** A parameter the engine has no use for, kept at Redis's default until set. */
	public static NumericParameter stored(String name, @Nullable String alias, NumericType type, long lower, long upper,
			long initial, NumericFormat format, ConfigFlag... flags) {
		return new NumericParameter(name, alias, type, lower, upper, format, Binding.stored(initial), Check.none(),
				flags);
	}

	public static NumericParameter stored(String name, NumericType type, long lower, long upper, long initial,
			NumericFormat format, ConfigFlag... flags) {
		return stored(name, null, type, lower, upper, initial, format, flags);
	}

	@Override
	public String get() {
		return format.format(binding.get());
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		long value = format.parse(argv.get(0));
		checkBounds(value);
		check.check(value);
		return () -> binding.set(value);
	}

	/** numericBoundaryCheck. */
	private void checkBounds(long value) throws InvalidValueException {
		if (type.unsignedBounds()) {
			if (Long.compareUnsigned(value, upper) > 0 || Long.compareUnsigned(value, lower) < 0) {
				throw format == NumericFormat.OCTAL ? between(Long.toOctalString(lower), Long.toOctalString(upper))
						: between(Long.toUnsignedString(lower), Long.toUnsignedString(upper));
			}
		}
		else if (format.percent() && value < 0) {
			if (value < lower) {
				throw new InvalidValueException("percentage argument must be less or equal to " + -lower);
			}
		}
		else if (value > upper || value < lower) {
			throw between(Long.toString(lower), Long.toString(upper));
		}
	}

	private static InvalidValueException between(String lower, String upper) {
		return new InvalidValueException("argument must be between " + lower + " and " + upper + " inclusive");
	}

}
