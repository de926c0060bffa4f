package dev.larder.cache.memcached;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.rubyeye.xmemcached.MemcachedClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Puts a lost Memcached node back into the pool as soon as it answers again.
 *
 * <p>
 * XMemcachedClient heals lost sessions itself, but waits longer after each failed attempt
 * ({@code healSessionInterval} times the number of attempts, at least 1 s, up to 60 s):
 * after a long outage a node that is back would stay out of the pool for up to a minute,
 * its keys going to the other nodes or to the source of truth. Its healing is therefore
 * switched off and this watcher checks every interval instead: a node missing from the
 * pool that answers a {@code version} request (any answer, or a close by a SASL server,
 * is a sign of life; silence is not: a hung process still accepts connections) is added
 * back with its weight.
 */
final class MemcachedNodeWatcher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(MemcachedNodeWatcher.class);

	private final MemcachedClient client;

	private final List<Node> nodes;

	private final int probeTimeoutMillis;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "larder-memcached-nodes");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param client the pool's client, whose own healing this switches off
	 * @param nodes the configured nodes
	 * @param interval how often missing nodes are checked
	 * @param probeTimeout how long a check waits for a node to answer
	 */
	MemcachedNodeWatcher(MemcachedClient client, List<Node> nodes, Duration interval, Duration probeTimeout) {
		this.client = client;
		this.nodes = List.copyOf(nodes);
		this.probeTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, probeTimeout.toMillis()));
		client.setEnableHealSession(false);
		long period = Math.max(1, interval.toMillis());
		this.scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
	}

	private void check() {
		try {
			Collection<InetSocketAddress> available = this.client.getAvailableServers();
			for (Node node : this.nodes) {
				if (!MemcachedBackend.isConnected(available, node.address()) && answers(node.address())) {
					rejoin(node);
				}
			}
		}
		catch (RuntimeException ex) {
			// Keep watching: a failed round must not end the schedule.
			logger.warn("Checking the Memcached nodes failed: " + ex, ex);
		}
	}

	private void rejoin(Node node) {
		InetSocketAddress address = node.address();
		try {
			this.client.addServer(address.getHostString(), address.getPort(), node.weight());
			logger.info("Memcached node " + address.getHostString() + ":" + address.getPort()
					+ " answers again; it is back in the pool");
		}
		catch (IOException ex) {
			logger.debug("Memcached node " + address + " answered but could not be added back: " + ex);
		}
	}

	private boolean answers(InetSocketAddress address) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), this.probeTimeoutMillis);
			socket.setSoTimeout(this.probeTimeoutMillis);
			socket.getOutputStream().write("version\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			in.read();
			return true;
		}
		catch (IOException ex) {
			// Refused, reset, or silent past the timeout (a hung process).
			return false;
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/** A configured node and its weight in the consistent hash. */
	record Node(InetSocketAddress address, int weight) {
	}

}
