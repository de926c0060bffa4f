package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.pubsub.Frames;
import dev.larder.engine.pubsub.Subscriber;
import java.time.Clock;
import java.util.Arrays;

/**
 * The clients in MONITOR mode (server.monitors) and the feed of every executed command to
 * them. With no monitor attached a command pays one volatile read ({@link #active}).
 *
 * <p>
 * What is fed follows Redis 7.0's call(): every command that ran (failed ones included,
 * but not those refused before running), once the command returned, with the database
 * selected after it; not ADMIN commands; EVAL, EVALSHA and FCALL (flagged skip_monitor)
 * before they run, as evalCommand feeds them, so the commands their script calls follow
 * them with the address {@code lua}; a blocking command when it blocks, not again when
 * served; commands queued by MULTI when EXEC runs them, before EXEC itself.
 */
public final class Monitors {

	private static final ClientSession[] NONE = {};

	private final Clock clock = Clock.systemUTC();

	/** Copy-on-write: read on every command, written at MONITOR, RESET and close. */
	private volatile ClientSession[] monitors = NONE;

	/** Whether any client monitors: the one read a command pays when none does. */
	boolean active() {
		return monitors.length != 0;
	}

	synchronized void add(ClientSession session) {
		ClientSession[] m = monitors;
		ClientSession[] grown = Arrays.copyOf(m, m.length + 1);
		grown[m.length] = session;
		monitors = grown;
		session.monitoring(true);
	}

	/** Leaves MONITOR mode (RESET, or the connection closed); nothing if not in it. */
	public synchronized void remove(ClientSession session) {
		ClientSession[] m = monitors;
		for (int i = 0; i < m.length; i++) {
			if (m[i] == session) {
				ClientSession[] shrunk = new ClientSession[m.length - 1];
				System.arraycopy(m, 0, shrunk, 0, i);
				System.arraycopy(m, i + 1, shrunk, i, m.length - i - 1);
				monitors = shrunk;
				session.monitoring(false);
				return;
			}
		}
	}

	/** Feeds a command a client ran, unless its flags keep it from monitors. */
	void feed(ClientSession client, Command command, byte[][] args) {
		if (command.monitored) {
			feed(client, client.address(), client.db(), args);
		}
	}

	/** Feeds a command a script called: its address is {@code lua}. */
	void feedFromScript(ClientSession script, Command command, byte[][] args) {
		if (command.monitored) {
			feed(script, "lua", script.db(), args);
		}
	}

	/** Feeds EVAL, EVALSHA or FCALL as it starts (evalCommand's explicit feed). */
	void feedScriptCall(ClientSession client, byte[][] args) {
		feed(client, client.address(), client.db(), args);
	}

	private void feed(ClientSession client, String address, int db, byte[][] args) {
		ClientSession[] m = monitors;
		if (m.length == 0) {
			return;
		}
		Reply line = MonitorLine.of(clock.instant(), db, address, args);
		long bytes = Frames.size(line);
		for (ClientSession monitor : m) {
			if (monitor == client) {
				// Redis writes a monitor's own line after the reply to its command
				monitor.pushAfterReply(line);
				continue;
			}
			Subscriber s = monitor.subscriber();
			if (s == null || !s.push(line, bytes)) {
				remove(monitor);
			}
		}
	}

	/**
	 * MONITOR: refused to a client that expects one reply per command (inside EXEC, or an
	 * in-process session: CLIENT_DENY_BLOCKING), ignored without a reply when already
	 * monitoring, as monitorCommand does.
	 */
	static Reply monitor(CommandContext c) {
		ClientSession session = c.session();
		if (!session.canBlock()) {
			return Reply.error("ERR MONITOR isn't allowed for DENY BLOCKING client");
		}
		if (session.monitoring()) {
			return ClientControl.NO_REPLY;
		}
		c.core().monitors().add(session);
		return Reply.OK;
	}

}
