package dev.larder.engine.command;

/**
 * The engine's serverCron share that is not the keyspace's: every 100 ms it samples the
 * instantaneous rates (run_with_period(100) of trackInstantaneousMetric) and the clients'
 * largest buffers (clientsCronTrackExpansiveClients), ends a pause whose time has come,
 * and closes clients idle for longer than {@code timeout} (clientsCronHandleTimeout:
 * never a client blocked in a command or subscribed).
 */
final class ServerCron implements Runnable {

	static final long PERIOD_MILLIS = 100;

	private static final System.Logger log = System.getLogger(ServerCron.class.getName());

	private final EngineCore core;

	ServerCron(EngineCore core) {
		this.core = core;
	}

	@Override
	public void run() {
		if (core.debug().cronPaused()) {
			return; // DEBUG PAUSE-CRON 1
		}
		try {
			long now = core.now();
			Introspection in = core.introspection();
			in.sampleMetrics(now);
			in.clientPeaks().sample(now / 1000, core.clients());
			if (in.pause().type() != ClientPause.Type.OFF) {
				in.pause().expireIfDue();
			}
			int timeout = in.idleTimeoutSeconds();
			if (timeout > 0) {
				closeIdleClients(now / 1000, timeout);
			}
		}
		catch (RuntimeException e) {
			// a failed tick must not cancel the next ones
			log.log(System.Logger.Level.WARNING, "server cron tick failed", e);
		}
	}

	private void closeIdleClients(long nowSeconds, int timeout) {
		for (ClientSession s : core.clients()) {
			ClientControl control = s.control();
			// clientsCronHandleTimeout spares replicas, which monitors are to Redis
			// (CLIENT_SLAVE), blocked (and postponed) clients and subscribers
			if (control.blocked() || ClientInfo.isPubSub(s) || s.monitoring()) {
				continue;
			}
			if (nowSeconds - s.lastInteractionMillis() / 1000 > timeout) {
				ClientControl.Connection c = control.connection();
				if (c != null) {
					c.kill();
				}
			}
		}
	}

}
