package dev.larder.cache.testtypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A mutable JavaBean with nested types, as older applications cache them. */
public class Customer {

	private String name;

	private LocalDate since;

	private Instant lastSeen;

	private List<Product> favourites = new ArrayList<>();

	private Map<String, Object> attributes;

	private Tier tier;

	public Customer() {
	}

	public Customer(String name, LocalDate since, Instant lastSeen, List<Product> favourites,
			Map<String, Object> attributes, Tier tier) {
		this.name = name;
		this.since = since;
		this.lastSeen = lastSeen;
		this.favourites = favourites;
		this.attributes = attributes;
		this.tier = tier;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public LocalDate getSince() {
		return this.since;
	}

	public void setSince(LocalDate since) {
		this.since = since;
	}

	public Instant getLastSeen() {
		return this.lastSeen;
	}

	public void setLastSeen(Instant lastSeen) {
		this.lastSeen = lastSeen;
	}

	public List<Product> getFavourites() {
		return this.favourites;
	}

	public void setFavourites(List<Product> favourites) {
		this.favourites = favourites;
	}

	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	public void setAttributes(Map<String, Object> attributes) {
		this.attributes = attributes;
	}

	public Tier getTier() {
		return this.tier;
	}

	public void setTier(Tier tier) {
		this.tier = tier;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Customer that && Objects.equals(this.name, that.name)
				&& Objects.equals(this.since, that.since) && Objects.equals(this.lastSeen, that.lastSeen)
				&& Objects.equals(this.favourites, that.favourites) && Objects.equals(this.attributes, that.attributes)
				&& this.tier == that.tier;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.since, this.lastSeen);
	}

	/** Loyalty tiers. */
	public enum Tier {

		BRONZE, GOLD

	}

}
