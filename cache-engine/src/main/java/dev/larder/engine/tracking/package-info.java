/**
 * Server-assisted client-side caching (Redis's tracking.c): the tracking table of keys
 * read by tracking clients, the prefix table of broadcasting clients, and the delivery of
 * invalidation messages.
 */
@NullMarked
package dev.larder.engine.tracking;

import org.jspecify.annotations.NullMarked;
