package dev.larder.engine.scripting;

import dev.larder.engine.command.Errors;
import dev.larder.engine.command.ReplyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * Compiled scripts by SHA1 of their body, shared by all threads: a LuaJ Prototype is
 * immutable once compiled, so every runtime can wrap it in its own closure. EVAL and
 * SCRIPT LOAD both add to it (EVALSHA after EVAL works, as in Redis); SCRIPT FLUSH
 * empties it.
 */
public final class ScriptCache {

	/**
	 * A compiled script and what its shebang declares: {@code readOnly} for
	 * {@code flags=no-writes}, {@code allowOom} for {@code allow-oom}; {@code flagged}
	 * when it has a shebang at all (Redis then judges maxmemory when the script starts,
	 * not at its first denyoom call).
	 */
	record Script(String sha, Prototype prototype, boolean readOnly, boolean allowOom, boolean flagged) {
	}

	/** The flags of a {@code #!lua} line. */
	private record Shebang(boolean readOnly, boolean allowOom) {
	}

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final ConcurrentHashMap<String, Script> scripts = new ConcurrentHashMap<>();

	/** The script of a digest (any case), or null. */
	@Nullable Script get(byte[] sha) {
		if (sha.length != 40) {
			return null;
		}
		return scripts.get(new String(sha, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT));
	}

	boolean exists(byte[] sha) {
		return get(sha) != null;
	}

	/** Compiles (once) and caches; a compile error is thrown as Redis's reply. */
	Script load(byte[] body) {
		String sha = sha1hex(body);
		Script cached = scripts.get(sha);
		if (cached != null) {
			return cached;
		}
		Script compiled = compile(sha, body);
		Script raced = scripts.putIfAbsent(sha, compiled);
		return raced != null ? raced : compiled;
	}

	public void flush() {
		scripts.clear();
	}

	public int size() {
		return scripts.size();
	}

	private static Script compile(String sha, byte[] body) {
		Shebang shebang = null;
		byte[] source = body;
		if (body.length >= 2 && body[0] == '#' && body[1] == '!') {
			int eol = indexOf(body, (byte) '\n');
			shebang = parseShebang(new String(body, 0, eol < 0 ? body.length : eol, StandardCharsets.ISO_8859_1));
			// compile the rest, keeping the newline so error line numbers match the
			// script's
			source = eol < 0 ? new byte[0] : Arrays.copyOfRange(body, eol, body.length);
		}
		try {
			Prototype p = LuaC.instance.compile(new ByteArrayInputStream(source), "@user_script");
			return shebang == null ? new Script(sha, p, false, false, false)
					: new Script(sha, p, shebang.readOnly(), shebang.allowOom(), true);
		}
		catch (LuaError e) {
			throw new ReplyException(Errors.sanitize("ERR Error compiling script (new function): " + e.getMessage()));
		}
		catch (IOException e) {
			throw new ReplyException("ERR Error compiling script (new function): " + e.getMessage());
		}
	}

	/**
	 * Redis 7's {@code #!lua [flags=a,b]} first line: no-writes and allow-oom matter; the
	 * other known flags (allow-stale, no-cluster, allow-cross-slot-keys) change nothing
	 * in the engine.
	 */
	private static Shebang parseShebang(String line) {
		String[] parts = line.split(" ");
		if (!parts[0].equals("#!lua")) {
			throw new ReplyException(Errors.sanitize("ERR Unexpected engine in script shebang: " + parts[0]));
		}
		boolean readOnly = false;
		boolean allowOom = false;
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].isEmpty()) {
				continue;
			}
			if (!parts[i].startsWith("flags=")) {
				throw new ReplyException(Errors.sanitize("ERR Unknown lua shebang option: " + parts[i]));
			}
			for (String flag : parts[i].substring(6).split(",")) {
				switch (flag) {
					case "no-writes" -> readOnly = true;
					case "allow-oom" -> allowOom = true;
					case "allow-stale", "no-cluster", "allow-cross-slot-keys", "" -> {
					}
					default ->
						throw new ReplyException(Errors.sanitize("ERR Unexpected flag in script shebang: " + flag));
				}
			}
		}
		return new Shebang(readOnly, allowOom);
	}

	private static int indexOf(byte[] b, byte value) {
		for (int i = 0; i < b.length; i++) {
			if (b[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** Lower-case hex SHA1, as SCRIPT LOAD and redis.sha1hex print it. */
	static String sha1hex(byte[] data) {
		MessageDigest md;
		try {
			md = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JRE has SHA-1", e);
		}
		byte[] digest = md.digest(data);
		char[] out = new char[40];
		for (int i = 0; i < digest.length; i++) {
			out[i * 2] = HEX[(digest[i] >> 4) & 0xF];
			out[i * 2 + 1] = HEX[digest[i] & 0xF];
		}
		return new String(out);
	}

}
