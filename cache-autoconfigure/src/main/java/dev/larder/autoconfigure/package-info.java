/**
 * Spring Boot auto-configuration of Larder's cache manager: {@code larder.*} properties,
 * the backend registry and the conditions that pick a backend.
 */
@NullMarked
package dev.larder.autoconfigure;

import org.jspecify.annotations.NullMarked;
