package dev.larder.engine.server;

import dev.larder.engine.command.ClientControl;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.EngineCore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one budget of memory all connections buffer (input not yet executed, replies not
 * yet sent) and Redis 7's client eviction over it: past {@code maxmemory-clients} the
 * clients using the most are closed, biggest first, until the rest fit, never one flagged
 * {@code CLIENT NO-EVICT} (evictClients in networking.c). With maxmemory-clients off, a
 * built-in bound (a quarter of the heap) is applied the same way, so clients can never
 * buffer the engine into an {@link OutOfMemoryError}.
 */
final class ClientMemory {

	private static final System.Logger log = System.getLogger(ClientMemory.class.getName());

	private final EngineCore core;

	private final AtomicLong total;

	private final long builtInLimit;

	/** Clients chosen for eviction and not closed yet, with the bytes they held. */
	private final Map<Long, Long> evicting = new ConcurrentHashMap<>();

	ClientMemory(EngineCore core, long builtInLimit) {
		this.core = core;
		// counted where INFO memory reports it (mem_clients_normal)
		this.total = core.memory().queryBuffers();
		this.builtInLimit = builtInLimit;
	}

	/** Adds a connection's change and returns the total across connections. */
	long add(long delta) {
		return total.addAndGet(delta);
	}

	/** maxmemory-clients in bytes (a percentage is of maxmemory); 0 when off. */
	long configuredLimit() {
		long v = core.memory().maxmemoryClients();
		if (v >= 0) {
			return v;
		}
		long maxmemory = core.eviction().maxmemory();
		return maxmemory == Long.MAX_VALUE ? 0 : maxmemory / 100 * -v;
	}

	/**
	 * Evicts clients while the total is over the limit; false when the built-in bound is
	 * passed and no client can be evicted (every one left is NO-EVICT): the caller then
	 * closes the client that is adding. Over maxmemory-clients alone, NO-EVICT clients
	 * stay, as in Redis.
	 */
	boolean enforce() {
		long configured = configuredLimit();
		long limit = configured == 0 ? builtInLimit : Math.min(configured, builtInLimit);
		if (total.get() <= limit) {
			return true;
		}
		synchronized (this) {
			while (true) {
				long excess = total.get() - limit - evicting.values().stream().mapToLong(Long::longValue).sum();
				if (excess <= 0) {
					return true;
				}
				ClientSession victim = null;
				long victimBytes = -1;
				for (ClientSession s : core.clients()) {
					ClientControl control = s.control();
					if (control.connection() == null || control.noEvict() || evicting.containsKey(s.id())) {
						continue;
					}
					long bytes = control.queryBuffer() + s.pendingOutputBytes();
					if (bytes > victimBytes) {
						victim = s;
						victimBytes = bytes;
					}
				}
				ClientControl.Connection connection = victim == null ? null : victim.control().connection();
				if (victim == null || connection == null || victimBytes == 0) {
					return total.get() <= builtInLimit;
				}
				log.log(System.Logger.Level.WARNING,
						"Evicting client: id={0} addr={1} ({2} bytes buffered, {3} " + "across clients, limit {4})",
						victim.id(), victim.address(), victimBytes, total.get(), limit);
				evicting.put(victim.id(), victimBytes);
				core.memory().evictedClients().incrementAndGet();
				connection.kill();
			}
		}
	}

	/** The client's connection closed: it no longer waits for eviction. */
	void closed(long id) {
		evicting.remove(id);
	}

}
