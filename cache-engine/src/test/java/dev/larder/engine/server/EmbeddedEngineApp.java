package dev.larder.engine.server;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import java.util.concurrent.CountDownLatch;

/**
 * An application that embeds the engine with its RESP port, as the starter does: no
 * {@code haltOnFatalError}. Run as its own process by {@link StandaloneFatalErrorTest}.
 */
public final class EmbeddedEngineApp {

	private EmbeddedEngineApp() {
	}

	public static void main(String[] args) throws InterruptedException {
		Engine engine = Engine.start(EngineConfig.builder().port(Integer.parseInt(args[1])).build());
		System.out.println("Larder engine ready to accept connections on 127.0.0.1:" + engine.port());
		new CountDownLatch(1).await(); // the application's own work would go on here
	}

}
