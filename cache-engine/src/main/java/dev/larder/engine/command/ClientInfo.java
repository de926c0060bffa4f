package dev.larder.engine.command;

import dev.larder.engine.pubsub.ClientSubscriptions;
import dev.larder.engine.tracking.ClientTracking;

/**
 * A CLIENT LIST / CLIENT INFO line (catClientInfoString), Redis 7.0's fields in its
 * order, plus lib-name and lib-ver of CLIENT SETINFO (Redis 7.2's). The one place that
 * formats a client: the subscription and transaction figures come from the accessors
 * below.
 */
final class ClientInfo {

	private ClientInfo() {
	}

	/** Channels subscribed (sub=). */
	static int subscriptions(ClientSession s) {
		ClientSubscriptions subs = s.subscriptionsIfAny();
		return subs == null ? 0 : subs.channels();
	}

	/** Patterns subscribed (psub=). */
	static int patterns(ClientSession s) {
		ClientSubscriptions subs = s.subscriptionsIfAny();
		return subs == null ? 0 : subs.patterns();
	}

	/** Shard channels subscribed (ssub=). */
	static int shardSubscriptions(ClientSession s) {
		ClientSubscriptions subs = s.subscriptionsIfAny();
		return subs == null ? 0 : subs.shardChannels();
	}

	/** Commands queued in MULTI (multi=), -1 outside a transaction. */
	static int multi(ClientSession s) {
		return s.queuedCommands();
	}

	/** The WATCHed keys were touched (flag d). */
	static boolean dirtyCas(ClientSession s) {
		return s.watchDirty();
	}

	/** Bytes of pending output (omem=). */
	static long outputMemory(ClientSession s) {
		return s.pendingOutputBytes();
	}

	/** A RESP2 client in subscribed mode (type pubsub, flag P, no idle timeout). */
	static boolean isPubSub(ClientSession s) {
		return subscriptions(s) + patterns(s) + shardSubscriptions(s) > 0;
	}

	/**
	 * getClientTypeName's name: normal or pubsub (the engine has no replicas or master).
	 */
	static String type(ClientSession s) {
		return isPubSub(s) ? "pubsub" : "normal";
	}

	/** The flags letters in Redis's order; N when none. */
	static String flags(ClientSession s) {
		StringBuilder f = new StringBuilder(4);
		if (s.monitoring()) {
			f.append('O');
		}
		if (isPubSub(s)) {
			f.append('P');
		}
		if (multi(s) >= 0) {
			f.append('x');
		}
		if (s.control().blocked()) {
			f.append('b');
		}
		ClientTracking t = s.tracking();
		if (t != null && t.on()) {
			f.append('t');
			if (t.brokenRedirect()) {
				f.append('R');
			}
			if (t.bcast()) {
				f.append('B');
			}
		}
		if (dirtyCas(s)) {
			f.append('d');
		}
		if (s.closeRequested()) {
			f.append('c');
		}
		if (s.control().noEvict()) {
			f.append('e');
		}
		return f.length() == 0 ? "N" : f.toString();
	}

	/** redir=: the tracking redirection, 0 for none, -1 when not tracking. */
	static long redirection(ClientSession s) {
		ClientTracking t = s.tracking();
		return t == null ? -1 : t.redirection();
	}

	/** user=: the session's ACL user ("default" for a trusted in-process session). */
	static String userName(ClientSession s) {
		var user = s.user();
		return user == null ? "default" : user.name();
	}

	static String line(ClientSession s, long now) {
		String name = s.name();
		String libName = s.libName();
		String libVersion = s.libVersion();
		long omem = outputMemory(s);
		long qbuf = s.control().queryBuffer();
		return "id=" + s.id() + " addr=" + s.address() + " laddr=" + s.localAddress() + " fd=-1 name="
				+ (name == null ? "" : name) + " age=" + Math.max(0, (now - s.createdMillis()) / 1000) + " idle="
				+ Math.max(0, (now - s.lastInteractionMillis()) / 1000) + " flags=" + flags(s) + " db=" + s.db()
				+ " sub=" + subscriptions(s) + " psub=" + patterns(s) + " ssub=" + shardSubscriptions(s) + " multi="
				+ multi(s) + " qbuf=" + qbuf + " qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem="
				+ omem + " tot-mem=" + (qbuf + omem) + " events=r cmd=" + s.lastCommand() + " user=" + userName(s)
				+ " redir=" + redirection(s) + " resp=" + s.protocol() + " lib-name=" + (libName == null ? "" : libName)
				+ " lib-ver=" + (libVersion == null ? "" : libVersion);
	}

}
