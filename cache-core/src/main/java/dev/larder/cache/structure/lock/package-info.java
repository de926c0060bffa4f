/**
 * Distributed locks: the API and its handles.
 */
@NullMarked
package dev.larder.cache.structure.lock;

import org.jspecify.annotations.NullMarked;
