package dev.larder.engine.server;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.FatalErrors;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone server:
 * {@code java -jar larder-cache-engine.jar --port 6380 [--bind addr] [--requirepass pw]},
 * with Redis's TLS, protected-mode and rename-command options (see
 * {@link ServerOptions#USAGE}).
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
			System.out.println(ServerOptions.USAGE);
			return;
		}
		EngineConfig config;
		try {
			// a process that is only the engine is better dead, restarted by its
			// supervisor, than alive with a dead thread
			config = ServerOptions.parse(args).toBuilder().haltOnFatalError(true).build();
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.println(ServerOptions.USAGE);
			System.exit(2);
			return;
		}
		FatalErrors fatal = FatalErrors.of(config);
		// any other thread of the process, and the engine's should Netty let one go
		Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal.report("thread " + thread.getName(), e));
		Engine engine;
		try {
			engine = Engine.start(config);
		}
		catch (IllegalArgumentException e) { // a rename-command name or a TLS file
			System.err.println(e.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			engine.close();
			stopped.countDown();
		}, "larder-shutdown"));
		StringBuilder ready = new StringBuilder("Larder engine ready to accept connections on ");
		ready.append(engine.config().bind());
		if (engine.port() > 0) {
			ready.append(":").append(engine.port());
		}
		if (engine.tlsPort() > 0) {
			ready.append(engine.port() > 0 ? " and" : "").append(" TLS port ").append(engine.tlsPort());
		}
		System.out.println(ready);
		stopped.await();
	}

}
