package dev.larder.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** Loopback ports for the servers the benchmarks start. */
final class LocalPorts {

	private LocalPorts() {
	}

	static int free() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Waits until something accepts connections on the port, at most 10 s. */
	static void awaitListening(int port, String server) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try {
				new Socket("127.0.0.1", port).close();
				return;
			}
			catch (IOException ex) {
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException(server + " did not start on port " + port);
	}

}
