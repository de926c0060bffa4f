/**
 * Auto-configuration of the structures (sorted sets, locks, rate limiters), their
 * annotations and the 429 answer to a rejected call.
 */
@NullMarked
package dev.larder.autoconfigure.structure;

import org.jspecify.annotations.NullMarked;
