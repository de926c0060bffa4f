package dev.larder.engine.config;

import dev.larder.engine.command.Scores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code latency-tracking-info-percentiles}: the percentiles INFO latencystats would
 * print, bound to the engine's setting.
 */
final class LatencyPercentilesParameter extends ConfigParameter {

	private final Binding<List<Double>> percentiles;

	LatencyPercentilesParameter(Binding<List<Double>> percentiles) {
		super("latency-tracking-info-percentiles", null, ConfigFlag.MULTI_ARG);
		this.percentiles = percentiles;
	}

	@Override
	public String get() {
		StringBuilder sb = new StringBuilder();
		for (double p : percentiles.get()) {
			sb.append(sb.length() == 0 ? "" : " ").append(format(p));
		}
		return sb.toString();
	}

	@Override
	protected Runnable prepare(List<String> argv) throws InvalidValueException {
		List<Double> parsed = new ArrayList<>();
		for (String arg : argv) {
			Double p = Scores.parse(ConfigArgs.bytes(arg)); // string2d
			if (p == null) {
				throw new InvalidValueException("Invalid latency-tracking-info-percentiles parameters");
			}
			if (p > 100.0 || p < 0.0) {
				throw new InvalidValueException(
						"latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
			}
			parsed.add(p);
		}
		List<Double> value = List.copyOf(parsed);
		return () -> percentiles.set(value);
	}

	/**
	 * C's {@code %f} (the exact binary value rounded to 6 decimals) with trailing zeros
	 * and a trailing point trimmed, as trimDoubleString does.
	 */
	static String format(double p) {
		String s = new BigDecimal(p).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
		if (p == 0 && 1 / p < 0) {
			s = "-" + s;
		}
		int end = s.length();
		while (s.charAt(end - 1) == '0') {
			end--;
		}
		if (s.charAt(end - 1) == '.') {
			end--;
		}
		return s.substring(0, end);
	}

}
