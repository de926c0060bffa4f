package dev.larder.engine.config;

/** The flags of Redis's standardConfig that change what CONFIG GET and SET do. */
public enum ConfigFlag {

	/** Set at startup only: CONFIG SET answers "can't set immutable config". */
	IMMUTABLE,

	/**
	 * Settable only where enable-protected-configs allows it ({@link ProtectedActions});
	 * elsewhere CONFIG SET answers "can't set protected config".
	 */
	PROTECTED,

	/** Left out of CONFIG GET pattern matches; only its exact name finds it. */
	HIDDEN,

	/** The value is a space-separated list of arguments ({@code save 3600 1}). */
	MULTI_ARG

}
