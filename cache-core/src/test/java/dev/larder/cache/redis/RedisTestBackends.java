package dev.larder.cache.redis;

import java.time.Duration;
import java.util.List;

import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.support.CircuitBreaker;
import dev.larder.cache.testing.RedisCluster;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;

/** Redis backends as the auto-configuration builds them, pointed at test servers. */
final class RedisTestBackends {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private RedisTestBackends() {
	}

	static ClientOptions clientOptions() {
		return ClientOptions.builder()
			.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
			.build();
	}

	static RedisBackend standalone(RedisProcess redis) {
		return standalone(redis, StructureSettings.defaults());
	}

	static RedisBackend standalone(RedisProcess redis, StructureSettings structureSettings) {
		RedisURI uri = RedisURI.create(redis.uri());
		uri.setTimeout(TIMEOUT);
		return new RedisBackend(LettuceConnectors.standalone(uri, clientOptions(), null), breaker(), structureSettings);
	}

	private static CircuitBreaker breaker() {
		return new CircuitBreaker(3, Duration.ofSeconds(1));
	}

	static RedisBackend cluster(RedisCluster cluster) {
		return cluster(cluster, StructureSettings.defaults());
	}

	static RedisBackend cluster(RedisCluster cluster, StructureSettings structureSettings) {
		List<RedisURI> seeds = cluster.addresses().stream().map((address) -> {
			RedisURI uri = RedisURI.create("redis://" + address);
			uri.setTimeout(TIMEOUT);
			return uri;
		}).toList();
		ClusterClientOptions options = ClusterClientOptions.builder(clientOptions()).build();
		return new RedisBackend(LettuceConnectors.cluster(seeds, options, null), breaker(), structureSettings);
	}

}
