/**
 * Pub/sub (Redis's pubsub.c and notify.c): the channel and pattern registry, the
 * commands, delivery to subscribers without blocking the publisher, output-buffer limits
 * for subscribers that do not read, keyspace notifications and the in-process subscribe
 * API.
 */
@NullMarked
package dev.larder.engine.pubsub;

import org.jspecify.annotations.NullMarked;
