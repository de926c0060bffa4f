package dev.larder.engine.command;

import dev.larder.engine.Reply;
import org.jspecify.annotations.Nullable;

/**
 * A session's state for CLIENT's controls and CLIENT LIST: the connection that can be
 * killed or resumed, CLIENT REPLY's mode, NO-EVICT, and the figures the connection
 * publishes (buffered input). The reply mode is the session's own thread's; the rest is
 * read by other clients' CLIENT LIST and KILL.
 */
public final class ClientControl {

	/**
	 * Returned (by identity) by a command that sends nothing, even when replies are on
	 * (CLIENT REPLY OFF and SKIP).
	 */
	public static final Reply NO_REPLY = new Reply.NullReply(false);

	/** The connection side, implemented by the RESP connection handler. */
	public interface Connection {

		/**
		 * Closes the connection now, dropping pending replies (Redis's freeClient); any
		 * thread.
		 */
		void kill();

		/** A pause ended: run the postponed command again; any thread. */
		void resumePostponed();

	}

	private volatile @Nullable Connection connection;

	private volatile boolean noEvict;

	private volatile boolean blocked;

	private volatile boolean postponed;

	private volatile long queryBuffer;

	private boolean replyOff;

	private boolean replySkip;

	private boolean replySkipNext;

	public @Nullable Connection connection() {
		return connection;
	}

	public void connection(@Nullable Connection connection) {
		this.connection = connection;
	}

	/** CLIENT NO-EVICT ON: never closed by client eviction. */
	public boolean noEvict() {
		return noEvict;
	}

	void noEvict(boolean noEvict) {
		this.noEvict = noEvict;
	}

	/** Parked in a blocking command (flag b, not idle-timed-out). */
	boolean blocked() {
		return blocked || postponed;
	}

	void blockedOnKeys(boolean blocked) {
		this.blocked = blocked;
	}

	boolean postponed() {
		return postponed;
	}

	void postponed(boolean postponed) {
		this.postponed = postponed;
	}

	/** Input received and not yet executed, in bytes (CLIENT LIST qbuf). */
	public long queryBuffer() {
		return queryBuffer;
	}

	public void queryBuffer(long bytes) {
		if (queryBuffer != bytes) {
			queryBuffer = bytes;
		}
	}

	void replyOn() {
		replyOff = false;
		replySkip = false;
	}

	/**
	 * RESET (clearClientConnectionState): replies back on, except that a SKIP already in
	 * force still skips RESET's own reply; NO-EVICT stays, as in Redis 7.0.
	 */
	public void reset() {
		replyOff = false;
		replySkipNext = false;
	}

	void replyOff() {
		replyOff = true;
	}

	void replySkipNext() {
		if (!replyOff) {
			replySkipNext = true;
		}
	}

	/**
	 * Called once per executed command, after it ran: whether its reply goes out. As
	 * Redis's resetClient, a SKIP applies to the command after CLIENT REPLY SKIP only.
	 */
	public boolean replyAllowed() {
		if (!(replyOff | replySkip | replySkipNext)) {
			return true;
		}
		boolean send = !replyOff && !replySkip;
		replySkip = false;
		if (replySkipNext) {
			replySkip = true;
			replySkipNext = false;
		}
		return send;
	}

}
