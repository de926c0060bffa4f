package dev.larder.engine.tracking;

import dev.larder.engine.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One client's tracking mode (Redis's CLIENT_TRACKING* flags, client_tracking_redirection
 * and client_tracking_prefixes). Changed only on the client's own thread; the fields
 * writers' threads read when they invalidate (on, bcast, noloop, redirect) are volatile.
 */
public final class ClientTracking {

	volatile boolean on;

	volatile boolean bcast;

	volatile boolean noloop;

	volatile boolean brokenRedirect;

	/** The client to send invalidations to; 0 for the client itself. */
	volatile long redirect;

	boolean optin;

	boolean optout;

	/** CLIENT CACHING YES (OPTIN) or NO (OPTOUT) for the next command. */
	boolean caching;

	/**
	 * Invalidations caused by the client's own last command, to send after its reply
	 * (Redis's tracking_pending_keys).
	 */
	private @Nullable List<Reply> pending;

	synchronized void addPending(List<Reply> frames) {
		if (pending == null) {
			pending = new ArrayList<>(frames);
		}
		else {
			pending.addAll(frames);
		}
	}

	/**
	 * Takes what waits and stops holding: the replies of the commands that read the keys
	 * have been written.
	 */
	synchronized @Nullable List<Reply> takePending() {
		List<Reply> p = pending;
		pending = null;
		holding = false;
		return p;
	}

	/**
	 * The client read keys and its reply is not written yet: an invalidation from another
	 * client must wait for it, or the client could cache the value it read after being
	 * told it changed (Redis, single-threaded, cannot send it before the reply).
	 */
	private boolean holding;

	synchronized void hold() {
		holding = true;
	}

	synchronized boolean holding() {
		return holding;
	}

	/** Queues {@code keys} behind the reply being written; false if none is. */
	synchronized boolean deferIfHolding(Reply keys) {
		if (!holding) {
			return false;
		}
		if (pending == null) {
			pending = new ArrayList<>(2);
		}
		pending.add(keys);
		return true;
	}

	/** BCAST prefixes, ascending (as Redis's rax lists them). */
	final List<byte[]> prefixes = new ArrayList<>();

	public boolean on() {
		return on;
	}

	public boolean bcast() {
		return bcast;
	}

	public boolean optin() {
		return optin;
	}

	public boolean optout() {
		return optout;
	}

	public boolean noloop() {
		return noloop;
	}

	public boolean caching() {
		return caching;
	}

	public boolean brokenRedirect() {
		return brokenRedirect;
	}

	/** CLIENT GETREDIR and CLIENT LIST's redir=: -1 when tracking is off. */
	public long redirection() {
		return on ? redirect : -1;
	}

	/** The BCAST prefixes, ascending. */
	public List<byte[]> prefixes() {
		return List.copyOf(prefixes);
	}

	/**
	 * Redis's resetClient: CACHING affects only the next command (or transaction), so it
	 * is cleared after any command other than CLIENT outside MULTI.
	 * @param t the client's tracking state, or null if it never used CLIENT TRACKING
	 * @param command the full name of the command that ran ("client|caching", ...)
	 */
	public static void afterCommand(@Nullable ClientTracking t, String command, boolean inMulti) {
		if (t != null && t.caching && !inMulti && !command.startsWith("client|")) {
			t.caching = false;
		}
	}

	/** CLIENT CACHING YES|NO. */
	public void caching(boolean caching) {
		this.caching = caching;
	}

	/**
	 * Whether the keys read by the next read-only command are remembered: default mode,
	 * unless OPTIN without CACHING YES or OPTOUT with CACHING NO.
	 */
	boolean remembers() {
		return on && !bcast && !((optin && !caching) || (optout && caching));
	}

	static int compare(byte[] a, byte[] b) {
		return Arrays.compareUnsigned(a, b);
	}

}
