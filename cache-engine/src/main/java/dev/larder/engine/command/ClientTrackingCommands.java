package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ConnectionCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.tracking.ClientTracking;
import dev.larder.engine.tracking.Tracking;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO, with clientCommand's
 * (networking.c) parsing order and errors; the tables live in {@link Tracking}.
 */
final class ClientTrackingCommands {

	private ClientTrackingCommands() {
	}

	static void register(CommandTable t) {
		t.bind(ConnectionCommandSpecs.CLIENT_TRACKING, ClientTrackingCommands::tracking);
		t.bind(ConnectionCommandSpecs.CLIENT_CACHING, ClientTrackingCommands::caching);
		t.bind(ConnectionCommandSpecs.CLIENT_GETREDIR, c -> {
			ClientTracking t1 = c.session().tracking();
			return Reply.integer(t1 == null ? -1 : t1.redirection());
		});
		t.bind(ConnectionCommandSpecs.CLIENT_TRACKINGINFO, ClientTrackingCommands::trackingInfo);
	}

	/** RESET (clearClientConnectionState) turns tracking off. */
	static void reset(CommandContext c) {
		ClientTracking t = c.session().tracking();
		if (t != null) {
			c.core().tracking().disable(c.session(), t);
		}
	}

	private static Reply tracking(CommandContext c) {
		long redirect = 0;
		boolean bcast = false;
		boolean optin = false;
		boolean optout = false;
		boolean noloop = false;
		List<byte[]> prefixes = new ArrayList<>();
		for (int j = 3; j < c.argc(); j++) {
			boolean more = j < c.argc() - 1;
			byte[] opt = c.arg(j);
			if (Args.is(opt, "redirect") && more) {
				j++;
				if (redirect != 0) {
					return Reply.error("ERR A client can only redirect to a single other client");
				}
				Long id = Bytes.parseLong(c.arg(j));
				if (id == null) {
					return Reply.error(Errors.NOT_INTEGER);
				}
				redirect = id;
				// required to exist now, though it may leave later
				if (c.core().client(redirect) == null) {
					return Reply.error("ERR The client ID you want redirect to does not exist");
				}
			}
			else if (Args.is(opt, "bcast")) {
				bcast = true;
			}
			else if (Args.is(opt, "optin")) {
				optin = true;
			}
			else if (Args.is(opt, "optout")) {
				optout = true;
			}
			else if (Args.is(opt, "noloop")) {
				noloop = true;
			}
			else if (Args.is(opt, "prefix") && more) {
				j++;
				prefixes.add(c.arg(j));
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		ClientSession s = c.session();
		Tracking tracking = c.core().tracking();
		if (Args.is(c.arg(2), "on")) {
			ClientTracking t = s.trackingState();
			if (!bcast && !prefixes.isEmpty()) {
				return Reply.error("ERR PREFIX option requires BCAST mode to be enabled");
			}
			if (t.on() && t.bcast() != bcast) {
				return Reply.error("ERR You can't switch BCAST mode on/off before disabling tracking for this client, "
						+ "and then re-enabling it with a different mode.");
			}
			if (bcast && (optin || optout)) {
				return Reply.error("ERR OPTIN and OPTOUT are not compatible with BCAST");
			}
			if (optin && optout) {
				return Reply.error("ERR You can't specify both OPTIN mode and OPTOUT mode");
			}
			if ((optin && t.optout()) || (optout && t.optin())) {
				return Reply.error("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, "
						+ "and then re-enabling it with a different mode.");
			}
			if (bcast) {
				String collision = Tracking.prefixCollision(t, prefixes);
				if (collision != null) {
					return Reply.error(Errors.sanitize(collision));
				}
			}
			tracking.enable(s, t, redirect, bcast, optin, optout, noloop, prefixes);
		}
		else if (Args.is(c.arg(2), "off")) {
			ClientTracking t = s.tracking();
			if (t != null) {
				tracking.disable(s, t);
			}
		}
		else {
			return Reply.error(Errors.SYNTAX);
		}
		return Reply.OK;
	}

	private static Reply caching(CommandContext c) {
		ClientTracking t = c.session().tracking();
		if (t == null || !t.on()) {
			return Reply.error("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN "
					+ "or OPTOUT mode enabled");
		}
		if (Args.is(c.arg(2), "yes")) {
			if (!t.optin()) {
				return Reply.error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
			}
		}
		else if (Args.is(c.arg(2), "no")) {
			if (!t.optout()) {
				return Reply.error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
			}
		}
		else {
			return Reply.error(Errors.SYNTAX);
		}
		t.caching(true);
		return Reply.OK;
	}

	/** A map of flags (a set), redirect and prefixes; RESP2 renders it flat. */
	private static Reply trackingInfo(CommandContext c) {
		ClientTracking t = c.session().tracking();
		List<Reply> flags = new ArrayList<>();
		List<Reply> prefixes = new ArrayList<>();
		if (t == null || !t.on()) {
			flags.add(Reply.bulk("off"));
		}
		else {
			flags.add(Reply.bulk("on"));
			if (t.bcast()) {
				flags.add(Reply.bulk("bcast"));
			}
			if (t.optin()) {
				flags.add(Reply.bulk("optin"));
				if (t.caching()) {
					flags.add(Reply.bulk("caching-yes"));
				}
			}
			if (t.optout()) {
				flags.add(Reply.bulk("optout"));
				if (t.caching()) {
					flags.add(Reply.bulk("caching-no"));
				}
			}
			if (t.noloop()) {
				flags.add(Reply.bulk("noloop"));
			}
			if (t.brokenRedirect()) {
				flags.add(Reply.bulk("broken_redirect"));
			}
			for (byte[] p : t.prefixes()) {
				prefixes.add(Reply.bulk(p));
			}
		}
		return new Reply.MapReply(List.of(Reply.bulk("flags"), new Reply.SetReply(flags), Reply.bulk("redirect"),
				Reply.integer(t == null ? -1 : t.redirection()), Reply.bulk("prefixes"), Reply.array(prefixes)));
	}

}
