package dev.larder.autoconfigure.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;

/**
 * Callback to adjust the Lettuce {@link ClientOptions} of the Redis backend
 * ({@code larder.backend=redis}) beyond what {@code larder.redis.*} covers: the protocol
 * version, TCP keep-alive, the request queue size, reconnect behaviour. Beans of this
 * type are applied in order, after Larder's own options, so they can also change those
 * (Larder rejects commands while disconnected, so that a cache call fails fast and counts
 * as a miss; queueing them instead makes calls wait up to {@code larder.redis.timeout}).
 * Socket, timeout and SSL options set here replace the ones Larder builds from
 * {@code larder.redis.connect-timeout}, {@code timeout} and {@code ssl.bundle}.
 *
 * <p>
 * On a Cluster the builder is a {@link ClusterClientOptions.Builder}, which a customizer
 * can test for to reach the cluster-only options.
 */
@FunctionalInterface
public interface LarderLettuceCustomizer {

	void customize(ClientOptions.Builder options);

}
