package dev.larder.engine.config;

import java.util.List;

/**
 * {@code notify-keyspace-events}. The engine publishes no keyspace notifications, so a
 * value that would make Redis publish some is refused (after Redis's own check of the
 * letters); one that publishes nothing, the empty value included, is kept.
 */
final class NotifyKeyspaceEventsParameter extends ConfigParameter {

	private final Binding<Integer> flags = Binding.stored(0);

	NotifyKeyspaceEventsParameter() {
		super("notify-keyspace-events", null);
	}

	@Override
	public String get() {
		return KeyspaceEvents.format(flags.get());
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		int value = KeyspaceEvents.parse(argv.get(0));
		if (value < 0) {
			throw new InvalidValueException("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
		}
		if (KeyspaceEvents.publishes(value)) {
			throw new InvalidValueException(Unsupported.NOTIFICATIONS);
		}
		return () -> flags.set(value);
	}

}
