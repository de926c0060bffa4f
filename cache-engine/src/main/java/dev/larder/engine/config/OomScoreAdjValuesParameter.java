package dev.larder.engine.config;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code oom-score-adj-values}: the three oom_score_adj values Redis gives its master,
 * replica and child processes. Kept, not applied: the JVM's OOM score is not the engine's
 * to change.
 */
final class OomScoreAdjValuesParameter extends ConfigParameter {

	private final Binding<List<Long>> values = Binding.stored(List.of(0L, 200L, 800L));

	OomScoreAdjValuesParameter() {
		super("oom-score-adj-values", null, ConfigFlag.MULTI_ARG);
	}

	@Override
	public String get() {
		StringBuilder sb = new StringBuilder();
		for (long v : values.get()) {
			sb.append(sb.length() == 0 ? "" : " ").append(v);
		}
		return sb.toString();
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		if (argv.size() != 3) {
			throw new InvalidValueException("wrong number of arguments");
		}
		Long[] parsed = new Long[3];
		for (int i = 0; i < 3; i++) {
			OptionalLong v = CNumbers.strtoll(argv.get(i), 10);
			if (v.isEmpty() || v.getAsLong() < -2000 || v.getAsLong() > 2000) {
				throw new InvalidValueException(
						"Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
			}
			parsed[i] = v.getAsLong();
		}
		List<Long> value = List.of(parsed);
		return () -> values.set(value);
	}

}
