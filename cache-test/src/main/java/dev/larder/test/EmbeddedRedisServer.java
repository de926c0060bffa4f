package dev.larder.test;

import java.net.URI;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;

/**
 * A running embedded engine serving RESP on a free loopback port: what a test needs to
 * point a Redis client at it. Closing it stops the engine.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

	/** The address the engine binds: loopback only, never reachable from outside. */
	public static final String HOST = "127.0.0.1";

	private final Engine engine;

	private EmbeddedRedisServer(Engine engine) {
		this.engine = engine;
	}

	/**
	 * Starts an engine on a free loopback port; it answers commands when this returns.
	 */
	public static EmbeddedRedisServer start() {
		return new EmbeddedRedisServer(Engine.start(EngineConfig.builder().bind(HOST).port(0).build()));
	}

	/** The engine, for commands run in-process ({@link Engine#execute(String...)}). */
	public Engine engine() {
		return this.engine;
	}

	/** Always {@value #HOST}. */
	public String host() {
		return HOST;
	}

	/** The port the engine's RESP server listens on. */
	public int port() {
		return this.engine.port();
	}

	/** {@code redis://127.0.0.1:<port>}, for clients that take a URI. */
	public URI uri() {
		return URI.create("redis://" + HOST + ":" + port());
	}

	/** Removes every key of every database, as Redis's {@code FLUSHALL}. */
	public void flushAll() {
		this.engine.execute("FLUSHALL");
	}

	@Override
	public void close() {
		this.engine.close();
	}

	@Override
	public String toString() {
		return "EmbeddedRedisServer[" + uri() + "]";
	}

}
