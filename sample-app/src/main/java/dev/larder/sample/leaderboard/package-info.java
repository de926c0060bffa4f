/**
 * A leaderboard on a sorted set, trimmed by a job that a distributed lock guards.
 */
@NullMarked
package dev.larder.sample.leaderboard;

import org.jspecify.annotations.NullMarked;
