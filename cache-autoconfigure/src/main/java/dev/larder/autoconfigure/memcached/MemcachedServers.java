package dev.larder.autoconfigure.memcached;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Parses {@code larder.memcached.servers}: {@code host:port[:weight]} entries separated
 * by commas or spaces.
 */
record MemcachedServers(List<InetSocketAddress> addresses, int[] weights) {

	static MemcachedServers parse(String servers) {
		List<InetSocketAddress> addresses = new ArrayList<>();
		List<Integer> weights = new ArrayList<>();
		for (String entry : servers.trim().split("[,\\s]+")) {
			String[] parts = entry.split(":");
			if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
				throw new IllegalArgumentException("entry '" + entry + "' must be host:port or host:port:weight");
			}
			int port = number(parts[1], entry, "port");
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("entry '" + entry + "' has a port out of range");
			}
			int weight = (parts.length == 3) ? number(parts[2], entry, "weight") : 1;
			if (weight < 1) {
				throw new IllegalArgumentException("entry '" + entry + "' has a weight below 1");
			}
			addresses.add(InetSocketAddress.createUnresolved(parts[0], port));
			weights.add(weight);
		}
		return new MemcachedServers(addresses, weights.stream().mapToInt(Integer::intValue).toArray());
	}

	/**
	 * What is wrong with the value, or null if it parses. A missing value is a problem
	 * too, not a failure of the check.
	 */
	static @Nullable String problem(@Nullable String servers) {
		if (servers == null || servers.isBlank()) {
			return "must list at least one server (host:port)";
		}
		try {
			parse(servers);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Addresses resolved for connecting, each keeping the host exactly as configured.
	 * XMemcached finds a server's SASL credentials by {@code getHostString():port}; an
	 * address made from an IP literal changes its host string to the reverse-lookup name
	 * ("localhost") once anything asks for its host name, after which the credentials are
	 * no longer found and the client never authenticates. Pinning the host text keeps the
	 * lookup stable. A host that does not resolve now stays unresolved, and the client
	 * keeps trying it.
	 */
	List<InetSocketAddress> resolved() {
		return this.addresses.stream().map(MemcachedServers::resolve).toList();
	}

	private static InetSocketAddress resolve(InetSocketAddress address) {
		String host = address.getHostString();
		try {
			InetAddress ip = InetAddress.getByName(host);
			return new InetSocketAddress(InetAddress.getByAddress(host, ip.getAddress()), address.getPort());
		}
		catch (UnknownHostException ex) {
			return new InetSocketAddress(host, address.getPort());
		}
	}

	private static int number(String text, String entry, String what) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("entry '" + entry + "' has a " + what + " that is not a number");
		}
	}

}
