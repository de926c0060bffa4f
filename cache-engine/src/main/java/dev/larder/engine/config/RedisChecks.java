package dev.larder.engine.config;

import java.util.function.IntSupplier;

/** Redis's own is_valid functions that apply to the engine's parameters. */
final class RedisChecks {

	/** NET_HOST_STR_LEN. */
	private static final int HOST_STR_LEN = 256;

	private static final int SHUTDOWN_SAVE = 1;

	private static final int SHUTDOWN_NOSAVE = 2;

	private RedisChecks() {
	}

	/**
	 * isValidActiveDefrag of a Redis built without its own jemalloc (as Debian's 7.0.15
	 * is, and as the engine, which leaves compaction to the JVM's collector, is).
	 */
	static Check<Boolean> activeDefrag() {
		return on -> {
			if (on) {
				throw new InvalidValueException("Active defragmentation cannot be enabled: it requires a "
						+ "Redis server compiled with a modified Jemalloc like the one shipped by default "
						+ "with the Redis source distribution");
			}
		};
	}

	/** isValidAnnouncedHostname. */
	static Check<String> announcedHostname() {
		return host -> {
			if (host.length() >= HOST_STR_LEN) {
				throw new InvalidValueException("Hostnames must be less than " + HOST_STR_LEN + " characters");
			}
			for (int i = 0; i < host.length(); i++) {
				char c = host.charAt(i);
				if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
					throw new InvalidValueException(
							"Hostnames may only contain alphanumeric characters, hyphens or dots");
				}
			}
		};
	}

	/** isValidShutdownOnSigFlags. */
	static Check<Integer> shutdownFlags() {
		return flags -> {
			if ((flags & SHUTDOWN_SAVE) != 0 && (flags & SHUTDOWN_NOSAVE) != 0) {
				throw new InvalidValueException("shutdown options SAVE and NOSAVE can't be used simultaneously");
			}
		};
	}

	/**
	 * isValidProcTitleTemplate: the template must expand (known {variables}, no
	 * unterminated one) to something other than spaces. Expanded with an empty title, as
	 * Redis validates it.
	 */
	static Check<String> procTitleTemplate(IntSupplier port) {
		return template -> {
			StringBuilder out = new StringBuilder();
			int p = 0;
			while (p < template.length()) {
				int open = template.indexOf('{', p);
				if (open < 0) {
					out.append(template, p, template.length());
					break;
				}
				out.append(template, p, open);
				int name = open + 1;
				if (name == template.length()) {
					throw invalidTemplate();
				}
				if (template.charAt(name) == '{') {
					out.append('{');
					p = name + 1;
					continue;
				}
				int close = template.indexOf('}', name);
				if (close < 0) {
					throw invalidTemplate();
				}
				out.append(variable(template.substring(name, close), port));
				p = close + 1;
			}
			if (out.toString().replace(" ", "").isEmpty()) {
				throw invalidTemplate();
			}
		};
	}

	/**
	 * redisProcTitleGetVariable, for a server without TLS, unix socket or config file.
	 */
	private static String variable(String name, IntSupplier port) throws InvalidValueException {
		return switch (name) {
			case "title", "server-mode", "config-file", "unixsocket" -> "";
			case "listen-addr" -> "*:" + port.getAsInt();
			case "port" -> Integer.toString(port.getAsInt());
			case "tls-port" -> "0";
			default -> throw invalidTemplate();
		};
	}

	private static InvalidValueException invalidTemplate() {
		return new InvalidValueException("template format is invalid or contains unknown variables");
	}

}
