package dev.larder.cache.structure;

import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.SortedSets;

/**
 * The escape hatches a backend carries beyond caching: sorted sets, locks and rate
 * limiters. A backend that cannot carry one throws {@link UnsupportedStructureException}
 * from its accessor, naming the backends that can, rather than offering a weaker
 * imitation.
 */
public interface Structures {

	SortedSets sortedSets();

	Locks locks();

	RateLimiters rateLimiters();

}
