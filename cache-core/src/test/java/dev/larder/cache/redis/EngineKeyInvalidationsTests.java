package dev.larder.cache.redis;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;

/**
 * {@link KeyInvalidationsContract} against Larder's own engine over its RESP port, as an
 * application would reach a standalone engine with the redis backend.
 */
class EngineKeyInvalidationsTests extends KeyInvalidationsContract {

	private Engine engine;

	private int port;

	@Override
	void startServer() {
		this.engine = Engine.start(EngineConfig.builder().port(0).build());
		this.port = this.engine.port();
	}

	@Override
	int port() {
		return this.port;
	}

	@Override
	void restartServer() {
		this.engine.close();
		this.engine = Engine.start(EngineConfig.builder().port(this.port).build());
	}

	@Override
	void stopServer() {
		if (this.engine != null) {
			this.engine.close();
		}
	}

}
