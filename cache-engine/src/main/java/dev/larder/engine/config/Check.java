package dev.larder.engine.config;

/**
 * A parameter's extra validation after its type's own (Redis's is_valid_fn), including
 * the engine's refusals of features it does not have.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface Check<T> {

	/** Accepts everything the type accepts. */
	static <T> Check<T> none() {
		return value -> {
		};
	}

	void check(T value) throws InvalidValueException;

}
