package dev.larder.engine.config;

import dev.larder.engine.Reply;
import dev.larder.engine.command.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * CONFIG SET over any number of pairs, with Redis 7's all-or-nothing semantics
 * (configSetCommand): every name first, where the first unknown, immutable, protected or
 * duplicated one in argument order is the error; then every value, in order; and only
 * when all pass are they applied. Nothing is applied when any pair fails, which is the
 * state Redis's rollback restores.
 */
final class ConfigSet {

	private ConfigSet() {
	}

	/**
	 * {@code args} holds the pairs: name, value, name, value... Serialized per table, so
	 * concurrent CONFIG SETs apply one after the other as on Redis's single thread.
	 */
	static Reply set(ConfigTable table, List<byte[]> args, boolean protectedAllowed) {
		if (args.size() % 2 == 1) {
			return Reply.error(Errors.SYNTAX);
		}
		synchronized (table) {
			return setPairs(table, args, protectedAllowed);
		}
	}

	private static Reply setPairs(ConfigTable table, List<byte[]> args, boolean protectedAllowed) {
		int count = args.size() / 2;
		// Redis goes on looking names up after a refusal, but only the first one counts
		List<ConfigTable.Entry> entries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String typed = ConfigArgs.text(args.get(2 * i));
			ConfigTable.Entry e = table.lookup(typed);
			if (e == null) {
				return Reply.error(
						Errors.sanitize("ERR Unknown option or number of arguments for CONFIG SET - '" + typed + "'"));
			}
			ConfigParameter p = e.parameter();
			if (p.is(ConfigFlag.IMMUTABLE)) {
				return failed(typed, "can't set immutable config");
			}
			if (p.is(ConfigFlag.PROTECTED) && !protectedAllowed) {
				return failed(typed, "can't set protected config");
			}
			// an alias is an entry of its own: naming a parameter under both is no
			// duplicate
			if (entries.contains(e)) {
				return failed(typed, "duplicate parameter");
			}
			entries.add(e);
		}
		List<Runnable> changes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ConfigTable.Entry e = entries.get(i);
			try {
				changes.add(e.parameter().prepare(ConfigArgs.text(args.get(2 * i + 1))));
			}
			catch (InvalidValueException ex) {
				// named as the table names it, not as typed, as Redis does for value
				// errors
				return failed(e.name(), String.valueOf(ex.getMessage()));
			}
		}
		changes.forEach(Runnable::run);
		return Reply.OK;
	}

	private static Reply failed(String name, String why) {
		return Reply
			.error(Errors.sanitize("ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + why));
	}

}
