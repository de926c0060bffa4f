/**
 * HyperLogLog, as Redis 7.0.15's src/hyperloglog.c stores and counts it: the "HYLL"
 * string format (sparse and dense encodings) byte for byte, MurmurHash64A with Redis's
 * seed, and Ertl's register estimator. The commands that use it are in
 * {@code dev.larder.engine.command.HyperLogLogCommands}.
 */
@NullMarked
package dev.larder.engine.hll;

import org.jspecify.annotations.NullMarked;
