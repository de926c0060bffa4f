/**
 * Refresh-ahead and stale-if-error: entries that carry their logical expiry (an
 * {@link dev.larder.cache.refresh.Envelope}) so a cache can reload hot entries in the
 * background before they expire, and serve an expired value for a while when the loader
 * fails.
 */
@NullMarked
package dev.larder.cache.refresh;

import org.jspecify.annotations.NullMarked;
