package dev.larder.engine.config;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code bind}: the addresses the RESP server listens on. The engine binds once, at
 * start, so only its current value is accepted.
 */
final class BindParameter extends ConfigParameter {

	/** CONFIG_BINDADDR_MAX. */
	private static final int MAX_ADDRESSES = 16;

	private final Supplier<String> current;

	BindParameter(Supplier<String> current) {
		super("bind", null, ConfigFlag.MULTI_ARG);
		this.current = current;
	}

	@Override
	public String get() {
		return current.get();
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		if (argv.size() > MAX_ADDRESSES) {
			throw new InvalidValueException("Too many bind addresses specified.");
		}
		if (!String.join(" ", argv).equals(current.get())) {
			throw new InvalidValueException(Unsupported.REBIND);
		}
		return () -> {
		};
	}

}
