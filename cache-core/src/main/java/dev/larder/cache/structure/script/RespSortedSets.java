package dev.larder.cache.structure.script;

import dev.larder.cache.serialization.ValueSerializer;
import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;
import org.jspecify.annotations.Nullable;

/**
 * Sorted sets as the backend's own sorted sets, one key each
 * ({@code <prefix>zset:<name>}).
 */
final class RespSortedSets implements SortedSets {

	private final RespCommands commands;

	private final StructureKeys keys;

	private final @Nullable ValueSerializer serializer;

	private final String backend;

	RespSortedSets(RespCommands commands, StructureKeys keys, @Nullable ValueSerializer serializer, String backend) {
		this.commands = commands;
		this.keys = keys;
		this.serializer = serializer;
		this.backend = backend;
	}

	@Override
	public ScoredSet<String> set(String name) {
		return new RespScoredSet<>(name, this.keys.sortedSet(name), this.commands, MemberCodec.utf8());
	}

	@Override
	public <T> ScoredSet<T> set(String name, Class<T> memberType) {
		if (memberType == String.class) {
			@SuppressWarnings("unchecked")
			ScoredSet<T> strings = (ScoredSet<T>) set(name);
			return strings;
		}
		if (this.serializer == null) {
			throw new IllegalStateException("Sorted set '" + name + "' has " + memberType.getName()
					+ " members, but the " + this.backend
					+ " backend's structures have no ValueSerializer to write them; "
					+ "give the backend StructureSettings with a serializer, or use set(name) with string members");
		}
		return new RespScoredSet<>(name, this.keys.sortedSet(name), this.commands,
				MemberCodec.serialized(this.serializer, memberType));
	}

}
