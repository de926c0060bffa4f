package dev.larder.engine.config;

/**
 * Redis 7's allowProtectedAction: enable-debug-command, enable-module-command and
 * enable-protected-configs each allow their protected actions (DEBUG; MODULE; CONFIG SET
 * of dir, dbfilename and the like) always with {@code yes}, never with {@code no}, and
 * with {@code local} only to a client on the loopback interface. The three are immutable,
 * so only start-up sets them ({@link dev.larder.engine.EngineConfig#parameters()}).
 */
public final class ProtectedActions {

	private ProtectedActions() {
	}

	/**
	 * Whether the parameter {@code setting} allows its action to a client at
	 * {@code address} ("host:port" as CLIENT LIST prints it).
	 */
	public static boolean allowed(ConfigTable table, String setting, String address) {
		ConfigTable.Entry entry = table.lookup(setting);
		String value = entry == null ? "no" : entry.parameter().get();
		return value.equals("yes") || value.equals("local") && isLocal(address);
	}

	/**
	 * islocalClient: 127.0.0.1 and ::1 (not the rest of 127.0.0.0/8); a client that is
	 * not on an IP socket (in-process callers, local channels) is local, as a unix socket
	 * is.
	 */
	static boolean isLocal(String address) {
		int colon = address.lastIndexOf(':');
		String host = colon < 0 ? address : address.substring(0, colon);
		if (host.equals("127.0.0.1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::1")) {
			return true;
		}
		boolean ipv4 = !host.isEmpty() && host.chars().allMatch(ch -> ch == '.' || ch >= '0' && ch <= '9');
		boolean ipv6 = host.indexOf(':') >= 0
				&& host.chars().allMatch(ch -> ch == ':' || ch == '%' || Character.digit(ch, 16) >= 0);
		return !ipv4 && !ipv6;
	}

}
