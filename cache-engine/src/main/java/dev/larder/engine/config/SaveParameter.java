package dev.larder.engine.config;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code save}: RDB snapshot points, "seconds changes" pairs. The engine has no
 * persistence, so it keeps none: the empty value (what tests set) is accepted, any valid
 * schedule is refused after Redis's own validation.
 */
final class SaveParameter extends ConfigParameter {

	SaveParameter() {
		super("save", null, ConfigFlag.MULTI_ARG);
	}

	@Override
	public String get() {
		return "";
	}

	/** setConfigSaveOption's checks: pairs of seconds >= 1 and changes >= 0. */
	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		if (argv.size() % 2 == 1) {
			throw invalid();
		}
		for (int j = 0; j < argv.size(); j++) {
			OptionalLong v = CNumbers.strtoll(argv.get(j), 10);
			if (v.isEmpty() || (j % 2 == 0 && v.getAsLong() < 1) || (j % 2 == 1 && v.getAsLong() < 0)) {
				throw invalid();
			}
		}
		if (!argv.isEmpty()) {
			throw new InvalidValueException(Unsupported.PERSISTENCE);
		}
		return () -> {
		};
	}

	private static InvalidValueException invalid() {
		return new InvalidValueException("Invalid save parameters");
	}

}
