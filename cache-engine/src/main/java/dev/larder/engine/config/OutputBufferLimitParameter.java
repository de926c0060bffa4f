package dev.larder.engine.config;

import dev.larder.engine.pubsub.OutputBufferLimits;
import dev.larder.engine.pubsub.OutputBufferLimits.Limit;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code client-output-buffer-limit}: "class hard soft seconds" groups for the normal,
 * replica and pubsub client classes, bound to the limits connections enforce on the
 * frames pushed to them ({@link OutputBufferLimits}).
 */
final class OutputBufferLimitParameter extends ConfigParameter {

	/** getClientTypeName's order: normal, slave, pubsub. */
	private static final String[] CLASSES = { "normal", "slave", "pubsub" };

	private final Binding<List<Limit>> limits;

	OutputBufferLimitParameter(OutputBufferLimits target) {
		super("client-output-buffer-limit", null, ConfigFlag.MULTI_ARG);
		this.limits = Binding.of(target::get, target::set);
	}

	@Override
	public String get() {
		StringBuilder sb = new StringBuilder();
		List<Limit> current = limits.get();
		for (int i = 0; i < CLASSES.length; i++) {
			Limit l = current.get(i);
			sb.append(i == 0 ? "" : " ")
				.append(CLASSES[i])
				.append(' ')
				.append(Long.toUnsignedString(l.hard()))
				.append(' ')
				.append(Long.toUnsignedString(l.soft()))
				.append(' ')
				.append(l.seconds());
		}
		return sb.toString();
	}

	/**
	 * updateClientOutputBufferLimit: every group is checked before any is applied.
	 */
	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		if (argv.size() % 4 != 0) {
			throw new InvalidValueException("Wrong number of arguments in buffer limit configuration.");
		}
		Limit[] updated = limits.get().toArray(new Limit[0]);
		for (int j = 0; j < argv.size(); j += 4) {
			int type = clientClass(argv.get(j));
			if (type < 0) {
				throw new InvalidValueException("Invalid client class specified in buffer limit configuration.");
			}
			OptionalLong hard = CNumbers.memtoull(argv.get(j + 1));
			OptionalLong soft = CNumbers.memtoull(argv.get(j + 2));
			OptionalLong seconds = CNumbers.strtoll(argv.get(j + 3), 10);
			// soft_seconds is an int in Redis, so the parsed long is cut to 32 bits first
			if (hard.isEmpty() || soft.isEmpty() || seconds.isEmpty() || (int) seconds.getAsLong() < 0) {
				throw new InvalidValueException(
						"Error in hard, soft or soft_seconds setting in buffer limit configuration.");
			}
			updated[type] = new Limit(hard.getAsLong(), soft.getAsLong(), (int) seconds.getAsLong());
		}
		List<Limit> value = List.of(updated);
		return () -> limits.set(value);
	}

	/** getClientTypeByName, master excluded as Redis excludes it here. */
	private static int clientClass(String name) {
		return switch (ConfigArgs.lower(name)) {
			case "normal" -> 0;
			case "slave", "replica" -> 1;
			case "pubsub" -> 2;
			default -> -1;
		};
	}

}
