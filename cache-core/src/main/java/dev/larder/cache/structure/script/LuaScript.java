package dev.larder.cache.structure.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script read from the classpath, with the SHA-1 digest that {@code EVALSHA} names
 * it by, computed once. Scripts keep to what both Redis and the embedded engine run: Lua
 * 5.1, {@code redis.call}, {@code TIME}, no {@code cjson} or {@code bit}.
 */
public final class LuaScript {

	private final String name;

	private final String source;

	private final String sha1;

	private LuaScript(String name, String source) {
		this.name = name;
		this.source = source;
		this.sha1 = sha1(source);
	}

	/** The script {@code <name>.lua} beside {@code owner} on the classpath. */
	public static LuaScript load(Class<?> owner, String name) {
		String resource = name + ".lua";
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Lua script " + resource + " is missing beside " + owner.getName());
			}
			return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read Lua script " + resource, ex);
		}
	}

	public static LuaScript of(String name, String source) {
		return new LuaScript(name, source);
	}

	public String name() {
		return this.name;
	}

	public String source() {
		return this.source;
	}

	/** Lower-case hex, as {@code SCRIPT LOAD} answers. */
	public String sha1() {
		return this.sha1;
	}

	private static String sha1(String source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is a required JDK algorithm", ex);
		}
	}

	@Override
	public String toString() {
		return this.name + ".lua (" + this.sha1 + ")";
	}

}
