package dev.larder.engine.server;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.FatalErrors;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone server:
 * {@code java -jar larder-cache-engine.jar --port 6380 [--bind addr] [--requirepass pw]}.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		// a process that is only the engine is better dead, restarted by its supervisor,
		// than alive with a dead thread
		EngineConfig.Builder config = EngineConfig.builder().port(6379).haltOnFatalError(true);
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				usage();
				return;
			}
			if (i + 1 >= args.length) {
				fail("missing value for " + option);
			}
			String value = args[++i];
			try {
				switch (option) {
					case "--port" -> config.port(Integer.parseInt(value));
					case "--bind" -> config.bind(value);
					case "--requirepass" -> config.requirePass(value);
					case "--databases" -> config.databases(Integer.parseInt(value));
					case "--shards" -> config.shards(Integer.parseInt(value));
					case "--io-threads" -> config.ioThreads(Integer.parseInt(value));
					case "--hz" -> config.hz(Integer.parseInt(value));
					default -> fail("unknown option " + option);
				}
			}
			catch (IllegalArgumentException e) {
				fail(option + ": " + e.getMessage());
			}
		}
		EngineConfig built = config.build();
		FatalErrors fatal = FatalErrors.of(built);
		// any other thread of the process, and the engine's should Netty let one go
		Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal.report("thread " + thread.getName(), e));
		Engine engine = Engine.start(built);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			engine.close();
			stopped.countDown();
		}, "larder-shutdown"));
		System.out
			.println("Larder engine ready to accept connections on " + engine.config().bind() + ":" + engine.port());
		stopped.await();
	}

	private static void usage() {
		System.out.println("Usage: java -jar larder-cache-engine.jar [--port 6379] [--bind 127.0.0.1] "
				+ "[--requirepass pw] [--databases 16] [--shards n] [--io-threads n] [--hz 10]");
	}

	private static void fail(String message) {
		System.err.println(message);
		usage();
		System.exit(2);
	}

}
