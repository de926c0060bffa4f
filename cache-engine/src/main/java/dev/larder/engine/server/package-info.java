/**
 * The RESP2/RESP3 server: the listener, its request parser and reply writer.
 */
@NullMarked
package dev.larder.engine.server;

import org.jspecify.annotations.NullMarked;
