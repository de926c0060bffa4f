package dev.larder.autoconfigure.memcached;

import net.rubyeye.xmemcached.XMemcachedClientBuilder;

/**
 * Callback to adjust the {@link XMemcachedClientBuilder} of the Memcached backend
 * ({@code larder.backend=memcached}) before the client is built, for what
 * {@code larder.memcached.*} does not cover: socket options, the selector pool size,
 * network buffers ({@code getConfiguration()}), the transcoder of calls made through
 * {@code nativeClient()} (Larder's own calls pass theirs). Beans of this type are applied
 * in order, after Larder's own settings, so they can also change those.
 */
@FunctionalInterface
public interface LarderMemcachedClientCustomizer {

	void customize(XMemcachedClientBuilder builder);

}
