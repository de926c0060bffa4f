package dev.larder.engine.config;

import dev.larder.engine.events.KeyChanges;

import java.util.List;

/**
 * {@code notify-keyspace-events}, bound to the flags {@link KeyChanges#notify} checks
 * before publishing.
 */
final class NotifyKeyspaceEventsParameter extends ConfigParameter {

	private final Binding<Integer> flags;

	NotifyKeyspaceEventsParameter(KeyChanges changes) {
		super("notify-keyspace-events", null);
		this.flags = Binding.of(changes::notifyFlags, changes::notifyFlags);
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
		return () -> flags.set(value);
	}

}
