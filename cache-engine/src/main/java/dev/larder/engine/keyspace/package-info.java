/**
 * The keyspace: shards, their hash tables and the value types they store.
 */
@NullMarked
package dev.larder.engine.keyspace;

import org.jspecify.annotations.NullMarked;
