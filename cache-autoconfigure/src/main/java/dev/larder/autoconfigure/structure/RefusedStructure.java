package dev.larder.autoconfigure.structure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import dev.larder.cache.structure.UnsupportedStructureException;
import org.jspecify.annotations.Nullable;

/**
 * A handle to a structure the backend cannot carry (a sorted set on Memcached): made
 * without complaint, so that a bean taking its handle in a constructor does not stop the
 * application, it throws the backend's refusal from every operation, where the structure
 * is used. Only {@code name()} and the {@code Object} methods answer.
 */
final class RefusedStructure implements InvocationHandler {

	private final String description;

	private final String name;

	private final String refusal;

	private final @Nullable Throwable cause;

	private RefusedStructure(String description, String name, UnsupportedStructureException refusal) {
		this.description = description;
		this.name = name;
		this.refusal = String.valueOf(refusal.getMessage());
		this.cause = refusal.getCause();
	}

	static <T> T handle(Class<T> type, String name, UnsupportedStructureException refusal) {
		RefusedStructure handler = new RefusedStructure(type.getSimpleName(), name, refusal);
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) {
		int arity = method.getParameterCount();
		switch (method.getName()) {
			case "name":
				if (arity == 0) {
					return this.name;
				}
				break;
			case "toString":
				if (arity == 0) {
					return this.description + " '" + this.name + "' (refused: " + this.refusal + ")";
				}
				break;
			case "hashCode":
				if (arity == 0) {
					return System.identityHashCode(proxy);
				}
				break;
			case "equals":
				if (arity == 1 && args != null) {
					return proxy == args[0];
				}
				break;
			default:
				break;
		}
		// A new exception per call, so its stack trace shows the call that was refused.
		UnsupportedStructureException refused = new UnsupportedStructureException(this.refusal);
		refused.initCause(this.cause);
		throw refused;
	}

}
