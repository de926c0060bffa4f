package dev.larder.engine.config;

import dev.larder.engine.Reply;
import dev.larder.engine.command.GlobMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CONFIG GET's matching (configGetCommand): a name without glob characters is looked up
 * exactly, any case, and answered under the name as given, hidden parameters included; a
 * pattern matches every name, aliases included, hidden ones excluded, case-insensitively.
 * A parameter is answered once per name, however many arguments match it.
 */
final class ConfigGet {

	private ConfigGet() {
	}

	static Reply get(ConfigTable table, List<byte[]> patterns) {
		// keyed by lower-case name: Redis's matches dict compares names
		// case-insensitively
		Map<String, Match> matches = new LinkedHashMap<>();
		for (byte[] arg : patterns) {
			String pattern = ConfigArgs.text(arg);
			if (!isGlob(pattern)) {
				ConfigTable.Entry e = table.lookup(pattern);
				if (e != null) {
					matches.putIfAbsent(ConfigArgs.lower(pattern), new Match(pattern, e.parameter()));
				}
				continue;
			}
			byte[] lowered = ConfigArgs.bytes(ConfigArgs.lower(pattern));
			for (ConfigTable.Entry e : table.entries()) {
				if (!e.parameter().is(ConfigFlag.HIDDEN) && !matches.containsKey(e.name())
						&& GlobMatcher.matches(lowered, ConfigArgs.bytes(e.name()))) {
					matches.put(e.name(), new Match(e.name(), e.parameter()));
				}
			}
		}
		List<Reply> out = new ArrayList<>(matches.size() * 2);
		for (Match m : matches.values()) {
			out.add(Reply.bulk(ConfigArgs.bytes(m.name())));
			out.add(Reply.bulk(ConfigArgs.bytes(m.parameter().get())));
		}
		return new Reply.MapReply(out);
	}

	/** strpbrk(name, "[*?"). */
	private static boolean isGlob(String pattern) {
		return pattern.indexOf('[') >= 0 || pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
	}

	private record Match(String name, ConfigParameter parameter) {
	}

}
