package dev.larder.engine.scripting;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.Prototype;

/**
 * A library FUNCTION LOAD accepted: its name, its whole code (shebang included, as
 * FUNCTION LIST WITHCODE and FUNCTION DUMP return it), the compiled body and the
 * functions it registered, in registration order. Immutable, so every Lua runtime can
 * instantiate it on its own (per runtime, keyed by identity); a replaced library is a new
 * object.
 */
final class FunctionLibrary {

	private final String name;

	private final byte[] code;

	private final Prototype prototype;

	private final Map<String, Function> functions;

	/**
	 * @param functions by name, in registration order (not copied: the loader hands over
	 * its map)
	 */
	FunctionLibrary(String name, byte[] code, Prototype prototype, Map<String, Function> functions) {
		this.name = name;
		this.code = code;
		this.prototype = prototype;
		this.functions = Collections.unmodifiableMap(functions);
	}

	String name() {
		return name;
	}

	byte[] code() {
		return code;
	}

	Prototype prototype() {
		return prototype;
	}

	Map<String, Function> functions() {
		return functions;
	}

	/**
	 * One registered function. {@code flags} are the names of script flags it declared,
	 * in Redis's order (scripts_flags_def).
	 */
	record Function(String name, @Nullable String description, List<String> flags) {

		boolean noWrites() {
			return flags.contains("no-writes");
		}

		boolean allowOom() {
			return flags.contains("allow-oom");
		}

	}

	/** Redis 7.0's script flags, in the order FUNCTION LIST prints them. */
	static final List<String> FLAGS = List.of("no-writes", "allow-oom", "allow-stale", "no-cluster",
			"allow-cross-slot-keys");

	/**
	 * A rough heap cost, for INFO's used_memory_functions: the code, the names and a
	 * fixed overhead per entry, as Redis counts its structs and sds strings.
	 */
	long memory() {
		long bytes = 64 + name.length() + code.length;
		for (Function f : functions.values()) {
			bytes += 64 + f.name().length() + description(f);
		}
		return bytes;
	}

	private static int description(Function f) {
		String d = f.description();
		return d == null ? 0 : d.length();
	}

}
