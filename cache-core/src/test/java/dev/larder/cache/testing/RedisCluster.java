package dev.larder.cache.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A 3-master Redis Cluster of real processes on free loopback ports, created with
 * {@code redis-cli --cluster create}.
 */
public final class RedisCluster implements AutoCloseable {

	private final List<RedisProcess> nodes = new ArrayList<>();

	private RedisCluster() {
	}

	public static RedisCluster start() {
		RedisCluster cluster = new RedisCluster();
		try {
			for (int i = 0; i < 3; i++) {
				cluster.nodes.add(RedisProcess.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
						"--cluster-node-timeout", "2000"));
			}
			List<String> create = new ArrayList<>(List.of("--cluster", "create"));
			cluster.nodes.forEach((node) -> create.add("127.0.0.1:" + node.port()));
			create.add("--cluster-yes");
			String output = RedisProcess.cli(create.toArray(String[]::new));
			if (!output.contains("All 16384 slots covered")) {
				throw new IllegalStateException("Cluster creation failed:\n" + output);
			}
			for (RedisProcess node : cluster.nodes) {
				RedisProcess.awaitUntil("cluster state ok on " + node.port(),
						() -> RedisProcess.cli("-p", String.valueOf(node.port()), "cluster", "info")
							.contains("cluster_state:ok"));
			}
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	public List<RedisProcess> nodes() {
		return this.nodes;
	}

	/** Seed addresses, e.g. for {@code larder.redis.cluster.nodes}. */
	public List<String> addresses() {
		return this.nodes.stream().map((node) -> "127.0.0.1:" + node.port()).toList();
	}

	@Override
	public void close() {
		this.nodes.forEach(RedisProcess::stop);
	}

}
