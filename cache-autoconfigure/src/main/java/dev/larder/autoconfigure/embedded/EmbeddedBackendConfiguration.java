package dev.larder.autoconfigure.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import dev.larder.autoconfigure.Backend;
import dev.larder.autoconfigure.ConditionalOnLarderBackend;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.embedded.EmbeddedBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.UnknownCommandException;
import dev.larder.engine.acl.InvalidUserException;
import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.tls.TlsSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded engine and the backend over it, when {@code larder.backend=embedded} (the
 * default). The engine starts with the context and closes with it, finishing in-flight
 * commands. It holds at most {@code larder.embedded.max-memory} of data (a share of the
 * heap by default) and evicts by {@code larder.embedded.eviction-policy} beyond, so an
 * application caching unbounded keys keeps a bounded heap.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Engine.class)
@ConditionalOnLarderBackend(Backend.EMBEDDED)
@EnableConfigurationProperties(EmbeddedEngineProperties.class)
public class EmbeddedBackendConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedBackendConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Engine larderEngine(EmbeddedEngineProperties properties, ObjectProvider<SslBundles> sslBundles) {
		EngineConfig.Builder config = EngineConfig.builder()
			.bind(properties.getBind())
			.databases(properties.getDatabases())
			.protoMaxBulkLen(properties.getProtoMaxBulkLen().toBytes())
			.scriptTimeLimitMillis(properties.getScriptTimeLimit().toMillis());
		long maxHeap = Runtime.getRuntime().maxMemory();
		MemoryBudget budget = MemoryBudget.parse(properties.getMaxMemory());
		EvictionPolicy policy = Objects.requireNonNull(EvictionPolicy.fromConfigName(properties.getEvictionPolicy()));
		config.maxmemory(budget.bytes(maxHeap)).maxmemoryPolicy(policy);
		if (properties.getPassword() != null) {
			config.requirePass(properties.getPassword());
		}
		String bundle = properties.getSsl().getBundle();
		if (properties.getPort() != null && bundle != null) {
			// TLS instead of plain text on the one port, as server.ssl does for
			// server.port
			config.tlsPort(properties.getPort())
				.tls(EngineSslBundle.tls(bundle,
						TlsSettings.ClientAuth.fromConfigName(properties.getSsl().getClientAuth()),
						sslBundles.getIfAvailable()));
		}
		else if (properties.getPort() != null) {
			config.port(properties.getPort());
		}
		config.protectedMode(properties.isProtectedMode()).disableCommands(properties.getDisabledCommands());
		config.users(EmbeddedUsers.lines(properties.getUsers()));
		Engine engine;
		try {
			engine = Engine.start(config.build());
		}
		catch (UnknownCommandException ex) {
			throw new InvalidConfigurationPropertyValueException("larder.embedded.disabled-commands",
					String.join(",", properties.getDisabledCommands()),
					"'" + ex.commandName() + "' is not a command of the embedded engine");
		}
		catch (InvalidUserException ex) {
			throw EmbeddedUsers.invalid(properties.getUsers(), ex);
		}
		catch (Exception ex) { // Netty rethrows a failed bind's checked BindException
								// unchecked
			throw new IllegalStateException("The embedded engine could not serve RESP on " + properties.getBind() + ":"
					+ properties.getPort() + " (" + ex.getMessage() + "). Choose a free larder.embedded.port, "
					+ "0 for any free port, or leave it unset to cache in-process only.", ex);
		}
		logBudget(budget, maxHeap, policy);
		int port = Math.max(engine.port(), engine.tlsPort());
		if (port > 0) {
			logger.info("Larder's embedded engine serves RESP" + ((engine.tlsPort() > 0) ? " over TLS" : "") + " on "
					+ properties.getBind() + ":" + port + " (redis-cli" + ((engine.tlsPort() > 0) ? " --tls" : "")
					+ " -p " + port + ")");
			if (properties.getPassword() == null && !isLoopback(properties.getBind())) {
				logger.warn("Larder's embedded engine listens on " + properties.getBind() + " without a password: "
						+ (properties.isProtectedMode()
								? "protected mode refuses every client that is not on loopback. "
										+ "Set larder.embedded.password."
								: "anyone who can reach it can read the cache. Set larder.embedded.password."));
			}
		}
		return engine;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(CacheBackend.class)
	EmbeddedBackend larderEmbeddedBackend(Engine engine, ObjectProvider<StructureSettings> structureSettings) {
		return new EmbeddedBackend(engine, false, structureSettings.getIfAvailable(StructureSettings::defaults));
	}

	private static void logBudget(MemoryBudget budget, long maxHeap, EvictionPolicy policy) {
		if (budget.bytes(maxHeap) == 0) {
			logger.warn("Larder's embedded engine has no memory bound (larder.embedded.max-memory=0): "
					+ "caches whose keys are unbounded need a ttl or a max-size, or the heap runs out.");
		}
		else if (logger.isInfoEnabled()) {
			logger.info("Larder's embedded engine holds at most " + budget.describe(maxHeap)
					+ " of cached data, then evicts by " + policy.configName() + " (larder.embedded.max-memory, "
					+ "larder.embedded.eviction-policy)");
		}
	}

	private static boolean isLoopback(String bind) {
		try {
			return InetAddress.getByName(bind).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
