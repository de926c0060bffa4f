/**
 * Hit ratio of eviction policies side by side: the same key traces replayed over RESP
 * against redis-server and the engine under one maxmemory, and against Caffeine in
 * process. Run by {@code bench/eviction-hit-ratio.sh}; a plain main class, not JMH,
 * because what it measures is a count, not a time.
 */
@NullMarked
package dev.larder.benchmarks.hitratio;

import org.jspecify.annotations.NullMarked;
