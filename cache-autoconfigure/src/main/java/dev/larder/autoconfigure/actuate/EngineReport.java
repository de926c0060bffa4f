package dev.larder.autoconfigure.actuate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.larder.engine.Engine;
import dev.larder.engine.Reply;

/**
 * The embedded engine's figures as the endpoint shows them: the {@code server},
 * {@code memory}, {@code stats} and {@code keyspace} sections of {@code INFO}, field by
 * field as Redis names them (so they read the same as {@code redis-cli INFO}), and the
 * newest entries of {@code SLOWLOG}.
 */
final class EngineReport {

	private static final List<String> SECTIONS = List.of("server", "clients", "memory", "stats", "keyspace");

	private static final int SLOWLOG_ENTRIES = 16;

	private final Engine engine;

	EngineReport(Engine engine) {
		this.engine = engine;
	}

	Map<String, Object> report() {
		Map<String, Object> report = new LinkedHashMap<>();
		for (String section : SECTIONS) {
			report.put(section, info(section));
		}
		report.put("slowlog", slowlog());
		return report;
	}

	private Map<String, Object> info(String section) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String line : text(this.engine.execute("INFO", section)).split("\r\n")) {
			int colon = line.indexOf(':');
			if (line.isEmpty() || line.startsWith("#") || colon < 0) {
				continue;
			}
			String value = line.substring(colon + 1);
			fields.put(line.substring(0, colon), value.contains("=") ? subfields(value) : value);
		}
		return fields;
	}

	/** {@code keys=1,expires=0,avg_ttl=0} as a map. */
	private static Map<String, String> subfields(String value) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : value.split(",")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				fields.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return fields;
	}

	private List<Map<String, Object>> slowlog() {
		List<Map<String, Object>> entries = new ArrayList<>();
		if (this.engine.execute("SLOWLOG", "GET", Integer.toString(SLOWLOG_ENTRIES)) instanceof Reply.ArrayReply log) {
			for (Reply entry : log.items()) {
				if (entry instanceof Reply.ArrayReply fields && fields.items().size() >= 6) {
					entries.add(slowlogEntry(fields.items()));
				}
			}
		}
		return entries;
	}

	private static Map<String, Object> slowlogEntry(List<Reply> fields) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", number(fields.get(0)));
		entry.put("timestamp", number(fields.get(1)));
		entry.put("durationMicros", number(fields.get(2)));
		List<String> command = new ArrayList<>();
		if (fields.get(3) instanceof Reply.ArrayReply arguments) {
			arguments.items().forEach((argument) -> command.add(text(argument)));
		}
		entry.put("command", command);
		entry.put("client", text(fields.get(4)));
		entry.put("clientName", text(fields.get(5)));
		return entry;
	}

	private static long number(Reply reply) {
		return (reply instanceof Reply.IntegerReply integer) ? integer.value() : -1;
	}

	private static String text(Reply reply) {
		if (reply instanceof Reply.BulkString bulk) {
			return new String(bulk.value(), StandardCharsets.UTF_8);
		}
		if (reply instanceof Reply.VerbatimString verbatim) {
			return verbatim.text();
		}
		if (reply instanceof Reply.SimpleString simple) {
			return simple.value();
		}
		return "";
	}

}
