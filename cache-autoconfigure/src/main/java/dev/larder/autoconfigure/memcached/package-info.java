/**
 * The Memcached backend's configuration, its {@code larder.memcached.*} properties and
 * its client customizer.
 */
@NullMarked
package dev.larder.autoconfigure.memcached;

import org.jspecify.annotations.NullMarked;
