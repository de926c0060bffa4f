package dev.larder.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters CONFIG knows, by name: each parameter under its own name and, when it
 * has one, again under its alias, as Redis registers an alias as a second entry of its
 * configs dict. Names are matched case-insensitively.
 */
public final class ConfigTable {

	/**
	 * A name CONFIG answers to. An alias is its own entry, so setting a parameter under
	 * both names in one CONFIG SET is not a duplicate, as in Redis.
	 */
	public record Entry(String name, ConfigParameter parameter) {
	}

	private final List<Entry> entries;

	private final Map<String, Entry> byName;

	private ConfigTable(List<Entry> entries) {
		this.entries = Collections.unmodifiableList(entries);
		this.byName = new HashMap<>();
		for (Entry e : entries) {
			if (byName.put(e.name(), e) != null) {
				throw new IllegalStateException("duplicate config " + e.name());
			}
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The entry named {@code name} in any case, or null. */
	public @Nullable Entry lookup(String name) {
		return byName.get(ConfigArgs.lower(name));
	}

	/** Every entry, aliases included, in table order. */
	public List<Entry> entries() {
		return entries;
	}

	public static final class Builder {

		private final List<Entry> entries = new ArrayList<>();

		private Builder() {
		}

		public Builder add(ConfigParameter p) {
			entries.add(new Entry(p.name(), p));
			String alias = p.alias();
			if (alias != null) {
				entries.add(new Entry(alias, p));
			}
			return this;
		}

		public ConfigTable build() {
			return new ConfigTable(new ArrayList<>(entries));
		}

	}

}
