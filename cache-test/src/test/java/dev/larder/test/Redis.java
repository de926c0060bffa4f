package dev.larder.test;

import dev.larder.engine.Engine;
import dev.larder.engine.Reply;

/** Small helpers over the engine's in-process API for the tests of this module. */
final class Redis {

	private Redis() {
	}

	static long dbsize(Engine engine) {
		return ((Reply.IntegerReply) engine.execute("DBSIZE")).value();
	}

	static void set(Engine engine, String key, String value) {
		engine.execute("SET", key, value);
	}

}
