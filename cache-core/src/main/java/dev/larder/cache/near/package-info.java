/**
 * The near cache: an in-process level of decoded values in front of a remote or embedded
 * backend, kept exact by the backend's reports of changed keys.
 */
@NullMarked
package dev.larder.cache.near;

import org.jspecify.annotations.NullMarked;
