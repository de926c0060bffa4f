package dev.larder.engine.config;

/**
 * A parameter value kept by the table. Volatile: CONFIG GET may run on another thread
 * than the CONFIG SET that wrote it.
 */
final class StoredValue<T> implements Binding<T> {

	private volatile T value;

	StoredValue(T initial) {
		this.value = initial;
	}

	@Override
	public T get() {
		return value;
	}

	@Override
	public void set(T value) {
		this.value = value;
	}

}
