package dev.larder.cache.memcached;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import net.rubyeye.xmemcached.MemcachedClient;
import org.jspecify.annotations.Nullable;

/**
 * Caches in a Memcached pool through one XMemcached client (consistent hashing across
 * nodes). See {@link MemcachedStore} for how keys, ttls, large values and {@code clear()}
 * are handled. It also carries locks and rate limiters (not sorted sets): see
 * {@link #structures()}.
 *
 * <p>
 * A node that is lost drops out of the pool (its keys are rehashed to the others, so its
 * entries become misses, not errors); given a reconnect interval the backend puts it back
 * as soon as it answers again (see {@link MemcachedNodeWatcher}).
 */
public final class MemcachedBackend implements CacheBackend {

	/** Memcached's default item size limit ({@code -I 1m}). */
	public static final int DEFAULT_MAX_ITEM_SIZE = 1024 * 1024;

	private final MemcachedClient client;

	private final List<InetSocketAddress> servers;

	private final int maxItemSize;

	private final MemcachedExpiry expiry = new MemcachedExpiry();

	private final MemcachedStructures structures;

	private final @Nullable MemcachedNodeWatcher watcher;

	/**
	 * @param client the client, owned by the backend from now on (closed with it)
	 * @param servers the configured servers, for health reporting (reported as given:
	 * pass addresses the client does not share, so its lookups don't rename them)
	 * @param maxItemSize the servers' item size limit in bytes; larger values are not
	 * stored
	 */
	public MemcachedBackend(MemcachedClient client, List<InetSocketAddress> servers, int maxItemSize) {
		this(client, servers, maxItemSize, StructureSettings.defaults());
	}

	/**
	 * @param client the client, owned by the backend from now on (closed with it)
	 * @param servers the configured servers, for health reporting
	 * @param maxItemSize the servers' item size limit in bytes; larger values are not
	 * stored
	 * @param structureSettings the key prefix of locks and rate limiters, and their
	 * clock: Memcached has no clock to offer, so without one the limiters count with this
	 * JVM's clock (instances sharing limits should keep their clocks synchronized); tests
	 * may pass one they move by hand
	 */
	public MemcachedBackend(MemcachedClient client, List<InetSocketAddress> servers, int maxItemSize,
			StructureSettings structureSettings) {
		this(client, servers, null, maxItemSize, structureSettings, null);
	}

	/**
	 * @param client the client, owned by the backend from now on (closed with it)
	 * @param servers the configured servers, for health reporting and to put back in the
	 * pool when they return
	 * @param weights each server's weight in the consistent hash (null: all 1)
	 * @param maxItemSize the servers' item size limit in bytes; larger values are not
	 * stored
	 * @param structureSettings the key prefix, and clock, of locks and rate limiters
	 * @param reconnectInterval how often a lost server is checked and, once it answers,
	 * put back in the pool (replacing the client's own healing, whose back-off grows to
	 * 60 s); null leaves healing to the client
	 */
	public MemcachedBackend(MemcachedClient client, List<InetSocketAddress> servers, int @Nullable [] weights,
			int maxItemSize, StructureSettings structureSettings, @Nullable Duration reconnectInterval) {
		this.client = client;
		this.servers = List.copyOf(servers);
		this.maxItemSize = maxItemSize;
		InstantSource clock = (structureSettings.clock() != null) ? structureSettings.clock() : InstantSource.system();
		this.structures = new MemcachedStructures(new MemcachedCalls(client), structureSettings.keys(), this.expiry,
				clock, maxItemSize);
		this.watcher = (reconnectInterval != null) ? new MemcachedNodeWatcher(client, nodes(servers, weights),
				reconnectInterval, Duration.ofMillis(Math.min(client.getConnectTimeout(), 500))) : null;
	}

	private static List<MemcachedNodeWatcher.Node> nodes(List<InetSocketAddress> servers, int @Nullable [] weights) {
		List<MemcachedNodeWatcher.Node> nodes = new ArrayList<>();
		for (int i = 0; i < servers.size(); i++) {
			nodes.add(new MemcachedNodeWatcher.Node(servers.get(i),
					(weights != null && i < weights.length) ? weights[i] : 1));
		}
		return nodes;
	}

	@Override
	public String type() {
		return "memcached";
	}

	@Override
	public CacheStore createStore(StoreContext context) {
		return new MemcachedStore(this.client, context.cacheName(), context.namespace(), this.maxItemSize, this.expiry,
				context.skippedWriteListener());
	}

	@Override
	public boolean storesReferences() {
		return false;
	}

	@Override
	public boolean requiresStringKeys() {
		return true;
	}

	/**
	 * Locks ({@code add} + {@code cas}, fencing tokens from {@code incr}) and rate
	 * limiters ({@code gets}/{@code cas} on one small value per key, timed by the
	 * structure clock). {@link Structures#sortedSets()} throws
	 * {@link dev.larder.cache.structure.UnsupportedStructureException}: Memcached has no
	 * sorted sets.
	 */
	@Override
	public Structures structures() {
		return this.structures;
	}

	/**
	 * The XMemcached {@link MemcachedClient}, for what Larder does not wrap, e.g.
	 * {@code client.touch(key, 3600)} to extend an item's expiry without reading it.
	 */
	@Override
	public MemcachedClient nativeClient() {
		return this.client;
	}

	/** Up while at least one node is connected; each node's status is in the details. */
	@Override
	public BackendHealth health() {
		Collection<InetSocketAddress> available = this.client.getAvailableServers();
		Map<String, Object> nodes = new LinkedHashMap<>();
		int up = 0;
		for (InetSocketAddress server : this.servers) {
			boolean connected = isConnected(available, server);
			nodes.put(server.getHostString() + ":" + server.getPort(), connected ? "UP" : "DOWN");
			up += connected ? 1 : 0;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("backend", type());
		details.put("nodes", nodes);
		details.put("nodesUp", up + "/" + this.servers.size());
		return new BackendHealth(up > 0, details);
	}

	/** Whether a configured server is among the client's connected ones. */
	static boolean isConnected(Collection<InetSocketAddress> available, InetSocketAddress server) {
		return available.stream().anyMatch((a) -> a.getPort() == server.getPort() && sameHost(a, server));
	}

	private static boolean sameHost(InetSocketAddress connected, InetSocketAddress configured) {
		if (connected.getHostString().equals(configured.getHostString())) {
			return true;
		}
		try {
			return connected.getAddress() != null
					&& connected.getAddress().equals(InetAddress.getByName(configured.getHostString()));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.watcher != null) {
			this.watcher.close();
		}
		this.structures.close();
		try {
			this.client.shutdown();
		}
		catch (IOException ex) {
			// Closing sockets of a pool we are done with; nothing to recover.
		}
	}

}
