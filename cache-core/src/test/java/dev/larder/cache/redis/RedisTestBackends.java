package dev.larder.cache.redis;

import java.time.Duration;
import java.util.List;

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
		RedisURI uri = RedisURI.create(redis.uri());
		uri.setTimeout(TIMEOUT);
		return new RedisBackend(LettuceConnectors.standalone(uri, clientOptions(), null));
	}

	static RedisBackend cluster(RedisCluster cluster) {
		List<RedisURI> seeds = cluster.addresses().stream().map((address) -> {
			RedisURI uri = RedisURI.create("redis://" + address);
			uri.setTimeout(TIMEOUT);
			return uri;
		}).toList();
		ClusterClientOptions options = ClusterClientOptions.builder(clientOptions()).build();
		return new RedisBackend(LettuceConnectors.cluster(seeds, options, null));
	}

}
