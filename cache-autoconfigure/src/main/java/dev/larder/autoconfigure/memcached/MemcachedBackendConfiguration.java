package dev.larder.autoconfigure.memcached;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import dev.larder.autoconfigure.Backend;
import dev.larder.autoconfigure.ConditionalOnLarderBackend;
import dev.larder.autoconfigure.LarderProperties;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.structure.StructureSettings;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.auth.AuthInfo;
import net.rubyeye.xmemcached.command.BinaryCommandFactory;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Memcached backend, when {@code larder.backend=memcached} and XMemcached is on the
 * classpath: one client over the pool, keys spread by consistent hashing (Ketama), a lost
 * node's keys rehashed to the others (misses, not errors) until it is back, which the
 * backend notices within {@code larder.memcached.reconnect-interval}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MemcachedClient.class)
@ConditionalOnLarderBackend(Backend.MEMCACHED)
@EnableConfigurationProperties(MemcachedProperties.class)
public class MemcachedBackendConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(CacheBackend.class)
	MemcachedBackend larderMemcachedBackend(MemcachedProperties properties, LarderProperties larder,
			ObjectProvider<StructureSettings> structureSettings,
			ObjectProvider<LarderMemcachedClientCustomizer> customizers) throws IOException {
		MemcachedServers servers = MemcachedServers.parse(properties.getServers());
		List<InetSocketAddress> addresses = servers.resolved();
		XMemcachedClientBuilder builder = new XMemcachedClientBuilder(addresses, servers.weights());
		builder.setSessionLocator(new KetamaMemcachedSessionLocator());
		if (properties.getProtocol() == MemcachedProperties.Protocol.BINARY) {
			builder.setCommandFactory(new BinaryCommandFactory());
		}
		if (properties.getUsername() != null) {
			for (InetSocketAddress address : addresses) {
				builder.addAuthInfo(address, AuthInfo.plain(properties.getUsername(), properties.getPassword()));
			}
		}
		// Not failure mode: a dead node's keys move to the live ones instead of failing
		// every call.
		builder.setFailureMode(false);
		builder.setConnectionPoolSize(properties.getConnectionPoolSize());
		builder.setOpTimeout(properties.getOpTimeout().toMillis());
		builder.setConnectTimeout(properties.getConnectTimeout().toMillis());
		// Lost nodes are put back by the backend (every reconnect-interval, once they
		// answer),
		// not by XMemcached's healing, whose wait grows with each attempt to up to 60 s.
		builder.setEnableHealSession(false);
		builder.setName("larder");
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		MemcachedClient client = builder.build();
		// XMemcached closes a connection after more than this many timeouts in a row (and
		// warns, once, that a value under 100 may cause reconnects: here that is the
		// point).
		client.setTimeoutExceptionThreshold(properties.getMaxConsecutiveTimeouts() - 1);
		MemcachedBackend backend = new MemcachedBackend(client, servers.addresses(), servers.weights(),
				(int) Math.min(Integer.MAX_VALUE, properties.getMaxItemSize().toBytes()),
				structureSettings.getIfAvailable(StructureSettings::defaults), properties.getReconnectInterval());
		if (!larder.isFailOpen() && client.getAvailableServers().isEmpty()) {
			backend.close();
			throw new IllegalStateException("No Memcached server of larder.memcached.servers=" + properties.getServers()
					+ " could be reached at startup, and larder.fail-open=false requires one. Check the servers, or "
					+ "let the cache fail open.");
		}
		return backend;
	}

}
