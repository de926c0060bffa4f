package dev.larder.cache.structure.sortedset;

/** A member of a sorted set with its score. */
public record ScoredMember<T>(T member, double score) {
}
