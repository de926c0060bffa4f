package dev.larder.engine.config;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a parameter's value lives: one of the engine's live settings, read and written
 * through its getter and setter, or a value the table keeps itself for a parameter the
 * engine has no use for (so CONFIG SET and GET still round-trip it, as on Redis).
 *
 * @param <T> the value's type
 */
public interface Binding<T> {

	T get();

	void set(T value);

	static <T> Binding<T> of(Supplier<T> getter, Consumer<T> setter) {
		return new Binding<>() {

			@Override
			public T get() {
				return getter.get();
			}

			@Override
			public void set(T value) {
				setter.accept(value);
			}

		};
	}

	/**
	 * A value only CONFIG GET reads: the parameter is immutable or protected, so CONFIG
	 * SET never reaches the setter.
	 */
	static <T> Binding<T> readOnly(Supplier<T> getter) {
		return of(getter, value -> {
			throw new UnsupportedOperationException("read-only parameter");
		});
	}

	/** A value kept by the table, starting at Redis's default. */
	static <T> Binding<T> stored(T initial) {
		return new StoredValue<>(initial);
	}

}
