/**
 * CONFIG GET, SET, RESETSTAT, REWRITE and HELP over Redis 7.0.15's parameter table, as
 * Redis's config.c declares it: typed parameters (yes/no, enums, bounded numbers, memory
 * values, strings and the special ones like {@code save}) with their aliases and flags,
 * each bound either to one of the engine's live settings or to a value kept for CONFIG
 * GET, and Redis's validation and error texts.
 */
@NullMarked
package dev.larder.engine.config;

import org.jspecify.annotations.NullMarked;
