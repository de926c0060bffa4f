package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * LATENCY LATEST, HISTORY, RESET, GRAPH, DOCTOR, HISTOGRAM and HELP (latency.c). DOCTOR
 * is {@link LatencyReport}'s; GRAPH draws the samples as columns of '#' under Redis's
 * header, not Redis's sparkline.
 */
final class LatencyCommands {

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

	/** createLatencyReport, with the advice for the events the engine records. */
	private static Reply doctor(CommandContext c) {
		return new Reply.VerbatimString("txt", LatencyReport.create(monitor(c).snapshot(), monitor(c).thresholdMillis(),
				c.core().introspection().slowLog().slowerThanMicros(), System.currentTimeMillis() / 1000));
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
