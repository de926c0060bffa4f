package dev.larder.engine.scripting;

import dev.larder.engine.command.Errors;
import dev.larder.engine.command.ReplyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * The loaded function libraries (functions.c): libraries by name (case-sensitive) and
 * functions by name (case-insensitive, as Redis's function dict). Readers take an
 * immutable snapshot; changes are serialized and publish a new one, so an FCALL never
 * sees half a FUNCTION RESTORE.
 */
public final class FunctionRegistry {

	/** How long FUNCTION LOAD may run a library's body (LOAD_TIMEOUT_MS). */
	static final long LOAD_TIMEOUT_MILLIS = 500;

	/** A function and the library that registered it. */
	record Entry(FunctionLibrary library, FunctionLibrary.Function function) {
	}

	/** An immutable set of libraries and the index of their functions. */
	record State(Map<String, FunctionLibrary> libraries, Map<String, Entry> functions, long memory) {

		static State of(Collection<FunctionLibrary> libs) {
			Map<String, FunctionLibrary> libraries = new LinkedHashMap<>();
			Map<String, Entry> functions = new LinkedHashMap<>();
			long memory = 0;
			for (FunctionLibrary l : libs) {
				libraries.put(l.name(), l);
				for (FunctionLibrary.Function f : l.functions().values()) {
					functions.put(key(f.name()), new Entry(l, f));
				}
				memory += l.memory();
			}
			return new State(libraries, functions, memory);
		}

	}

	/** What FUNCTION RESTORE does with libraries already loaded. */
	public enum RestorePolicy {

		FLUSH, APPEND, REPLACE

	}

	private final LuaRuntimePool pool;

	private volatile State state = State.of(List.of());

	FunctionRegistry(LuaRuntimePool pool) {
		this.pool = pool;
	}

	/** The function of a name (any case), or null. */
	@Nullable Entry function(byte[] name) {
		return state.functions().get(key(new String(name, StandardCharsets.ISO_8859_1)));
	}

	Collection<FunctionLibrary> libraries() {
		return state.libraries().values();
	}

	public int libraryCount() {
		return state.libraries().size();
	}

	public int functionCount() {
		return state.functions().size();
	}

	/** An estimate of the libraries' memory, for INFO's used_memory_functions. */
	public long memory() {
		return state.memory();
	}

	/** FUNCTION LOAD: the library's name, or Redis's error. */
	synchronized String load(byte[] code, boolean replace) {
		FunctionLibrary lib = create(code, replace ? null : state.libraries().keySet());
		List<FunctionLibrary> libs = new ArrayList<>(state.libraries().values());
		libs.removeIf(l -> l.name().equals(lib.name()));
		checkCollisions(libs, List.of(lib));
		libs.add(lib);
		state = State.of(libs);
		return lib.name();
	}

	/** FUNCTION DELETE: false when there is no such library. */
	synchronized boolean delete(byte[] name) {
		String n = new String(name, StandardCharsets.ISO_8859_1);
		if (!state.libraries().containsKey(n)) {
			return false;
		}
		List<FunctionLibrary> libs = new ArrayList<>(state.libraries().values());
		libs.removeIf(l -> l.name().equals(n));
		state = State.of(libs);
		return true;
	}

	public synchronized void flush() {
		state = State.of(List.of());
	}

	/** FUNCTION RESTORE: the payload's libraries, then libraryJoin by the policy. */
	synchronized void restore(byte[] payload, RestorePolicy policy) {
		// functionsCreateWithLibraryCtx into an empty context: a payload naming a library
		// twice fails as a LOAD without REPLACE would
		Map<String, FunctionLibrary> restored = new LinkedHashMap<>();
		FunctionPayload.read(payload, code -> {
			FunctionLibrary lib = create(code, restored.keySet());
			checkCollisions(restored.values(), List.of(lib));
			restored.put(lib.name(), lib);
		});
		if (policy == RestorePolicy.FLUSH) {
			state = State.of(restored.values());
			return;
		}
		List<FunctionLibrary> libs = new ArrayList<>(state.libraries().values());
		for (FunctionLibrary lib : restored.values()) {
			if (state.libraries().containsKey(lib.name())) {
				if (policy == RestorePolicy.APPEND) {
					throw new ReplyException(Errors.sanitize("ERR Library " + lib.name() + " already exists"));
				}
				libs.removeIf(l -> l.name().equals(lib.name()));
			}
		}
		checkCollisions(libs, restored.values());
		libs.addAll(restored.values());
		state = State.of(libs);
	}

	private static void checkCollisions(Collection<FunctionLibrary> existing, Collection<FunctionLibrary> added) {
		State current = State.of(existing);
		for (FunctionLibrary lib : added) {
			for (String f : lib.functions().keySet()) {
				if (current.functions().containsKey(key(f))) {
					throw new ReplyException(Errors.sanitize("ERR Function " + f + " already exists"));
				}
			}
		}
	}

	/**
	 * functionsCreateWithLibraryCtx up to the collision check: metadata, name, engine,
	 * existing library ({@code taken} null for REPLACE), compile, run, at least one
	 * function.
	 */
	private FunctionLibrary create(byte[] code, @Nullable Collection<String> taken) {
		LibraryMetadata md = LibraryMetadata.parse(code);
		if (!LibraryLoad.validName(md.name())) {
			throw new ReplyException(
					"ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
		}
		if (!md.engine().equalsIgnoreCase("lua")) {
			throw new ReplyException(Errors.sanitize("ERR Engine '" + md.engine() + "' not found"));
		}
		if (taken != null && taken.contains(md.name())) {
			throw new ReplyException(Errors.sanitize("ERR Library '" + md.name() + "' already exists"));
		}
		Prototype body = compile(Arrays.copyOfRange(code, md.bodyStart(), code.length));
		LuaRuntime runtime = pool.acquire();
		Map<String, LibraryLoad.Registered> registered;
		try {
			registered = runtime.load(body, LOAD_TIMEOUT_MILLIS);
		}
		catch (LuaError e) {
			pool.release(runtime);
			throw new ReplyException(Errors.sanitize("ERR Error registering functions: " + LuaErrors.message(e)));
		}
		catch (ScriptTimeoutError e) {
			pool.release(runtime);
			throw new ReplyException("ERR Error registering functions: ERR FUNCTION LOAD timeout");
		}
		if (registered.isEmpty()) {
			pool.release(runtime);
			throw new ReplyException("ERR No functions registered");
		}
		Map<String, FunctionLibrary.Function> functions = new LinkedHashMap<>();
		registered.forEach((name, r) -> functions.put(name, r.function()));
		FunctionLibrary lib = new FunctionLibrary(md.name(), code, body, functions);
		runtime.adopt(lib, registered);
		pool.release(runtime);
		return lib;
	}

	private static Prototype compile(byte[] source) {
		try {
			return LuaC.instance.compile(new ByteArrayInputStream(source), "@user_function");
		}
		catch (LuaError e) {
			throw new ReplyException(Errors.sanitize("ERR Error compiling function: " + e.getMessage()));
		}
		catch (IOException e) {
			throw new ReplyException("ERR Error compiling function: " + e.getMessage());
		}
	}

	private static String key(String functionName) {
		return functionName.toLowerCase(Locale.ROOT);
	}

}
