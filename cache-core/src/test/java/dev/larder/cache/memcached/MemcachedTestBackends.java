package dev.larder.cache.memcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.testing.MemcachedProcess;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.command.BinaryCommandFactory;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import net.rubyeye.xmemcached.utils.AddrUtil;

/** Memcached backends as the auto-configuration builds them, pointed at test servers. */
final class MemcachedTestBackends {

	private MemcachedTestBackends() {
	}

	static MemcachedBackend backend(List<MemcachedProcess> nodes, boolean binary, int maxItemSize) {
		return backend(nodes, binary, maxItemSize, null);
	}

	/**
	 * @param reconnectInterval how often the backend checks lost nodes to put them back
	 * in the pool, or null to leave it to XMemcached (as before)
	 */
	static MemcachedBackend backend(List<MemcachedProcess> nodes, boolean binary, int maxItemSize,
			Duration reconnectInterval) {
		List<InetSocketAddress> servers = AddrUtil
			.getAddresses(String.join(" ", nodes.stream().map(MemcachedProcess::address).toList()));
		XMemcachedClientBuilder builder = new XMemcachedClientBuilder(servers);
		builder.setSessionLocator(new KetamaMemcachedSessionLocator());
		if (binary) {
			builder.setCommandFactory(new BinaryCommandFactory());
		}
		builder.setFailureMode(false);
		builder.setOpTimeout(1000);
		builder.setConnectTimeout(1000);
		builder.setHealSessionInterval(200);
		try {
			MemcachedClient client = builder.build();
			return new MemcachedBackend(client, servers, null, maxItemSize, StructureSettings.defaults(),
					reconnectInterval);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
