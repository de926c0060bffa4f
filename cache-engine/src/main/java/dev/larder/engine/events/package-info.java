/**
 * What changed in the keyspace, fanned out to whoever must know: WATCH, client-side
 * caching, the in-process near cache and keyspace notifications (Redis's
 * signalModifiedKey, signalFlushedDb and notifyKeyspaceEvent). Depends on no other
 * package of the engine, so the keyspace, the expiry cycle and the evictor can report
 * changes as well as commands.
 */
@NullMarked
package dev.larder.engine.events;

import org.jspecify.annotations.NullMarked;
