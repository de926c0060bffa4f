package dev.larder.cache.refresh;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One cache's refresh-ahead and stale-if-error policy: how entries are written (in an
 * {@link Envelope}, living {@code stale-if-error} longer in the backend than their
 * logical ttl) and what an entry read back is worth now.
 *
 * <p>
 * Expiry is decided against a wall clock ({@link InstantSource}) because the expiry
 * written by one instance is read by others. Entries without an envelope are
 * {@link State#FRESH} for as long as the backend keeps them.
 */
public final class Freshness {

	private static final Freshness OFF = new Freshness(RefreshAhead.OFF, Duration.ZERO, InstantSource.system());

	private final RefreshAhead refreshAhead;

	private final long staleIfErrorMillis;

	private final Duration staleIfError;

	private final InstantSource clock;

	/**
	 * @param refreshAhead when to reload ahead of expiry
	 * @param staleIfError how long after expiry a value may still be served when its
	 * reload fails; {@link Duration#ZERO} for never
	 * @param clock the wall clock expiries are written and read with
	 */
	public Freshness(RefreshAhead refreshAhead, Duration staleIfError, InstantSource clock) {
		this.refreshAhead = refreshAhead;
		this.staleIfError = staleIfError;
		this.staleIfErrorMillis = staleIfError.toMillis();
		this.clock = clock;
	}

	/** A policy that writes plain entries and never refreshes or serves stale. */
	public static Freshness off() {
		return OFF;
	}

	/**
	 * Whether entries are written in envelopes: only when something reads them, so caches
	 * without either feature keep the plain format and its cost.
	 */
	public boolean writesEnvelopes() {
		return this.refreshAhead.enabled() || this.staleIfErrorMillis > 0;
	}

	public RefreshAhead refreshAhead() {
		return this.refreshAhead;
	}

	public Duration staleIfError() {
		return this.staleIfError;
	}

	/**
	 * What a cache stores for an encoded value with the given (logical) ttl: the value as
	 * it is when this policy is off or the entry never expires, else an envelope that
	 * lives {@code stale-if-error} longer in the backend.
	 * @param encoded the encoded value
	 * @param ttl the entry's logical ttl; {@link Duration#ZERO} for no expiry
	 * @param loadNanos how long the load that produced it took, 0 for a plain put
	 */
	public Write write(Object encoded, Duration ttl, long loadNanos) {
		if (ttl.isZero() || !writesEnvelopes()) {
			return new Write(encoded, ttl);
		}
		long ttlMillis = Math.max(1, ttl.toMillis());
		Envelope envelope = new Envelope(encoded, now() + ttlMillis, ttlMillis, loadNanos);
		return new Write(envelope.toStored(), storeTtl(ttl));
	}

	/**
	 * How long the backend keeps an entry with the given logical ttl: stale-if-error
	 * longer, so it can still be served after it expires.
	 */
	public Duration storeTtl(Duration ttl) {
		return (ttl.isZero() || !writesEnvelopes()) ? ttl : ttl.plusMillis(this.staleIfErrorMillis);
	}

	/** What an entry read back is worth now. */
	public State state(Envelope envelope) {
		long now = now();
		if (now >= envelope.expiresAtMillis()) {
			return (now < envelope.expiresAtMillis() + this.staleIfErrorMillis) ? State.STALE : State.EXPIRED;
		}
		boolean due = this.refreshAhead.due(now, envelope.expiresAtMillis(), envelope.ttlMillis(), envelope.loadNanos(),
				1 - ThreadLocalRandom.current().nextDouble());
		return due ? State.REFRESH : State.FRESH;
	}

	/** Whether an entry may be answered as a hit (it has not logically expired). */
	public boolean live(Envelope envelope) {
		return now() < envelope.expiresAtMillis();
	}

	/** Whether an expired entry may still be served in place of a failed reload. */
	public boolean servableStale(Envelope envelope) {
		return now() < envelope.expiresAtMillis() + this.staleIfErrorMillis;
	}

	/**
	 * How long a cluster-wide refresh lock on this entry should last: until the entry
	 * expires. By then a reload that died with its instance is redone by a plain miss;
	 * any longer and it would hold back the refresh of the entry's successor, which a
	 * short ttl brings due soon.
	 */
	public Duration lockTtl(Envelope envelope) {
		return Duration.ofMillis(Math.max(1, envelope.expiresAtMillis() - now()));
	}

	private long now() {
		return this.clock.millis();
	}

	@Override
	public String toString() {
		return "Freshness[refreshAhead=" + this.refreshAhead + ", staleIfError=" + this.staleIfError + "]";
	}

	/**
	 * What to hand the store.
	 *
	 * @param value the stored form
	 * @param ttl the backend ttl
	 */
	public record Write(Object value, Duration ttl) {
	}

	/** What an entry read back is worth. */
	public enum State {

		/** A hit. */
		FRESH,

		/** A hit that should also be reloaded in the background. */
		REFRESH,

		/**
		 * Logically expired, a miss, but within stale-if-error: served if the reload
		 * fails.
		 */
		STALE,

		/** Expired beyond stale-if-error: a plain miss. */
		EXPIRED

	}

}
