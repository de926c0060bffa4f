package dev.larder.engine.command;

import dev.larder.engine.keyspace.ZSetValue;
import dev.larder.engine.keyspace.ZSetValue.Node;
import org.jspecify.annotations.Nullable;

/**
 * A score or lex range over a sorted set's nodes: what ZRANGE, ZRANGESTORE and
 * ZREMRANGEBY* walk, whichever kind they were given.
 */
sealed interface NodeRange permits ScoreRange, LexRange {

	/** The first node in range, or null. */
	@Nullable Node first(ZSetValue z);

	/** The last node in range, or null. */
	@Nullable Node last(ZSetValue z);

	/** Whether the node is not below the lower bound (an exclusive bound excludes it). */
	boolean aboveMin(Node n);

	/** Whether the node is not above the upper bound. */
	boolean belowMax(Node n);

}
