package dev.larder.cache.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a backend can serve right now, and what an operator wants to see about it
 * (topology, nodes, latency). Independent of Spring Boot's health API, which the
 * auto-configuration maps to.
 */
public record BackendHealth(boolean up, Map<String, Object> details) {

	public BackendHealth {
		details = Map.copyOf(details);
	}

	public static BackendHealth up(Map<String, Object> details) {
		return new BackendHealth(true, details);
	}

	public static BackendHealth down(Map<String, Object> details, Throwable cause) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("error", cause.getClass().getName() + ": " + cause.getMessage());
		return new BackendHealth(false, all);
	}

}
