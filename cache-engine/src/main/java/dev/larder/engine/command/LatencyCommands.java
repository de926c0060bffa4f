package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * LATENCY LATEST, HISTORY, RESET, GRAPH, DOCTOR, HISTOGRAM and HELP (latency.c). DOCTOR
 * reports the events as Redis does but gives none of its advice; GRAPH draws the samples
 * as columns of '#' under Redis's header, not Redis's sparkline.
 */
final class LatencyCommands {

	private static final String DISABLED = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in "
			+ "this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to "
			+ "enable it. If we weren't in a deep space mission I'd suggest to take a look at "
			+ "https://redis.io/topics/latency-monitor.\n";

	private static final String NO_SPIKES = "Dave, no latency spike was observed during the lifetime of this Redis "
			+ "instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, "
			+ "and think things over.\n";

	/** LATENCY_GRAPH_COLS. */
	private static final int GRAPH_COLS = 80;

	private LatencyCommands() {
	}

	static void register(CommandTable t) {
		t.bindContainer(ServerCommandSpecs.LATENCY);
		t.bind(ServerCommandSpecs.LATENCY_LATEST, LatencyCommands::latest);
		t.bind(ServerCommandSpecs.LATENCY_HISTORY, LatencyCommands::history);
		t.bind(ServerCommandSpecs.LATENCY_RESET, LatencyCommands::reset);
		t.bind(ServerCommandSpecs.LATENCY_GRAPH, LatencyCommands::graph);
		t.bind(ServerCommandSpecs.LATENCY_DOCTOR, LatencyCommands::doctor);
		t.bind(ServerCommandSpecs.LATENCY_HISTOGRAM, LatencyCommands::histogram);
		t.bind(ServerCommandSpecs.LATENCY_HELP, c -> ConnectionCommands.help("LATENCY", "DOCTOR",
				"    Return a human readable latency analysis report.", "GRAPH <event>",
				"    Return an ASCII latency graph for the <event> class.", "HISTORY <event>",
				"    Return time-latency samples for the <event> class.", "LATEST",
				"    Return the latest latency samples for all events.", "RESET [<event> ...]",
				"    Reset latency data of one or more <event> classes.",
				"    (default: reset all data for all event classes)", "HISTOGRAM [COMMAND ...]",
				"    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
				"    If no commands are specified then all histograms are replied."));
	}

	private static LatencyMonitor monitor(CommandContext c) {
		return c.core().introspection().latency();
	}

	private static Reply latest(CommandContext c) {
		List<Reply> out = new ArrayList<>();
		monitor(c).snapshot().forEach((event, ts) -> {
			LatencyMonitor.Sample last = ts.latest();
			out.add(Reply.array(Reply.bulk(event), Reply.integer(last.time()), Reply.integer(last.latency()),
					Reply.integer(ts.max)));
		});
		return Reply.array(out);
	}

	private static Reply history(CommandContext c) {
		LatencyMonitor.Series ts = monitor(c).snapshot().get(Bytes.string(c.arg(2)));
		if (ts == null) {
			return Reply.EMPTY_ARRAY;
		}
		List<Reply> out = new ArrayList<>();
		for (LatencyMonitor.Sample s : ts.history()) {
			out.add(Reply.array(Reply.integer(s.time()), Reply.integer(s.latency())));
		}
		return Reply.array(out);
	}

	private static Reply reset(CommandContext c) {
		List<String> names = new ArrayList<>();
		for (int j = 2; j < c.argc(); j++) {
			names.add(Bytes.string(c.arg(j)));
		}
		return Reply.integer(monitor(c).reset(names));
	}

	private static Reply graph(CommandContext c) {
		String event = Bytes.string(c.arg(2));
		LatencyMonitor.Series ts = monitor(c).snapshot().get(event);
		if (ts == null) {
			return Reply.error(Errors.sanitize("ERR No samples available for event '" + event + "'"));
		}
		List<LatencyMonitor.Sample> samples = ts.history();
		long max = 0;
		long min = Long.MAX_VALUE;
		for (LatencyMonitor.Sample s : samples) {
			max = Math.max(max, s.latency());
			min = Math.min(min, s.latency());
		}
		StringBuilder g = new StringBuilder();
		g.append(event)
			.append(" - high ")
			.append(max)
			.append(" ms, low ")
			.append(min)
			.append(" ms (all time high ")
			.append(ts.max)
			.append(" ms)\n");
		g.append("-".repeat(GRAPH_COLS)).append('\n');
		int from = Math.max(0, samples.size() - GRAPH_COLS);
		for (int row = 4; row >= 1; row--) {
			StringBuilder line = new StringBuilder();
			for (int j = from; j < samples.size(); j++) {
				long level = max == 0 ? 0 : (samples.get(j).latency() * 4 + max - 1) / max;
				line.append(level >= row ? '#' : ' ');
			}
			g.append(line.toString().stripTrailing()).append('\n');
		}
		return new Reply.VerbatimString("txt", g.toString());
	}

	/** createLatencyReport's event lines (analyzeLatencyForEvent), without the advice. */
	private static Reply doctor(CommandContext c) {
		Map<String, LatencyMonitor.Series> events = monitor(c).snapshot();
		if (events.isEmpty()) {
			return new Reply.VerbatimString("txt", monitor(c).thresholdMillis() == 0 ? DISABLED : NO_SPIKES);
		}
		long now = System.currentTimeMillis() / 1000;
		StringBuilder r = new StringBuilder("Dave, I have observed latency spikes in this Redis instance. "
				+ "You don't mind talking about it, do you Dave?\n\n");
		int n = 0;
		for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
			List<LatencyMonitor.Sample> samples = e.getValue().history();
			long sum = 0;
			long oldest = now;
			for (LatencyMonitor.Sample s : samples) {
				sum += s.latency();
				oldest = Math.min(oldest, s.time());
			}
			long avg = samples.isEmpty() ? 0 : sum / samples.size();
			long mad = 0;
			for (LatencyMonitor.Sample s : samples) {
				mad += Math.abs(s.latency() - avg);
			}
			mad = samples.isEmpty() ? 0 : mad / samples.size();
			long period = Math.max(0, now - oldest);
			r.append(++n)
				.append(". ")
				.append(e.getKey())
				.append(": ")
				.append(samples.size())
				.append(" latency spikes (average ")
				.append(avg)
				.append("ms, mean deviation ")
				.append(mad)
				.append("ms, period ")
				.append(String.format(Locale.ROOT, "%.2f", samples.isEmpty() ? 0.0 : (double) period / samples.size()))
				.append(" sec). Worst all time event ")
				.append(e.getValue().max)
				.append("ms.\n");
		}
		r.append("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the "
				+ "Redis community to get some help, providing this report in your help request.\n");
		return new Reply.VerbatimString("txt", r.toString());
	}

	/**
	 * LATENCY HISTOGRAM [command ...]: each command's calls and cumulative counts per
	 * power-of-two microsecond bucket (fillCommandCDF); a container named brings its
	 * subcommands; unknown names and commands never called are left out.
	 */
	private static Reply histogram(CommandContext c) {
		List<Reply> out = new ArrayList<>();
		CommandTable table = c.core().table();
		if (c.argc() == 2) {
			for (Command command : table.all()) {
				addWithSubcommands(command, out);
			}
		}
		else {
			for (int j = 2; j < c.argc(); j++) {
				Command command = table.lookupFullName(Bytes.string(c.arg(j)));
				if (command != null) {
					addWithSubcommands(command, out);
				}
			}
		}
		return new Reply.MapReply(out);
	}

	private static void addWithSubcommands(Command command, List<Reply> out) {
		add(command, out);
		for (Command sub : command.subcommands().values()) {
			add(sub, out);
		}
	}

	private static void add(Command command, List<Reply> out) {
		Histogram h = command.stats.histogram();
		if (h == null) {
			return;
		}
		List<Reply> buckets = new ArrayList<>();
		long previous = 0;
		for (HistogramIterationValue v : h.logarithmicBucketValues(1024, 2)) {
			long cumulative = v.getTotalCountToThisValue();
			if (cumulative > previous) {
				buckets.add(Reply.integer(v.getValueIteratedTo() / 1000));
				buckets.add(Reply.integer(cumulative));
			}
			previous = cumulative;
		}
		out.add(Reply.bulk(command.name()));
		out.add(new Reply.MapReply(List.of(Reply.bulk("calls"), Reply.integer(h.getTotalCount()),
				Reply.bulk("histogram_usec"), new Reply.MapReply(buckets))));
	}

}
