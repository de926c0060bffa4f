package dev.larder.cache.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * An open connection and its command interfaces. Standalone, Sentinel and Cluster
 * connections all offer {@link RedisClusterCommands}, so the cache code is the same for
 * every topology; on a Cluster connection SCAN and multi-key UNLINK span all nodes.
 */
public record RedisHandle(StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> sync,
		RedisClusterAsyncCommands<String, byte[]> async) {
}
