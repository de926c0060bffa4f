package dev.larder.engine.config;

import java.util.Map;

/**
 * Applies the parameters an engine is started with (a redis.conf's lines, the standalone
 * server's {@code --name value} arguments) to its CONFIG table, as Redis's
 * loadServerConfig does before the server runs: immutable parameters are settable here,
 * and a name or a value the table refuses stops the start with an error naming the
 * parameter.
 */
public final class StartupParameters {

	private StartupParameters() {
	}

	/**
	 * @throws IllegalArgumentException naming the first parameter that is unknown or has
	 * a value it does not accept
	 */
	public static void apply(ConfigTable table, Map<String, String> parameters) {
		for (Map.Entry<String, String> p : parameters.entrySet()) {
			ConfigTable.Entry entry = table.lookup(p.getKey());
			if (entry == null) {
				throw new IllegalArgumentException("unknown configuration parameter '" + p.getKey()
						+ "': use a parameter name CONFIG GET knows, e.g. enable-debug-command");
			}
			try {
				entry.parameter().prepare(p.getValue()).run();
			}
			catch (InvalidValueException e) {
				throw new IllegalArgumentException("invalid value '" + p.getValue() + "' for configuration parameter '"
						+ p.getKey() + "': " + e.getMessage(), e);
			}
		}
	}

}
