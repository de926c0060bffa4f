package dev.larder.engine.command;

/**
 * INFO clients' client_recent_max_input_buffer and client_recent_max_output_buffer, kept
 * as Redis 7.0 keeps them (server.c, CLIENTS_PEAK_MEM_USAGE_SLOTS): one slot per second
 * of the last eight, indexed by unix time, each holding the largest input and output
 * buffer a client had in that second; the slot after the current one is cleared at every
 * sample, so the figures are the peaks of roughly the last seven seconds, and INFO reads
 * them without visiting every client.
 */
final class RecentClientPeaks {

	static final int SLOTS = 8;

	private final long[] input = new long[SLOTS];

	private final long[] output = new long[SLOTS];

	/** Records every client's buffers now (on the server cron's thread). */
	void sample(long nowSeconds, Iterable<ClientSession> clients) {
		long in = 0;
		long out = 0;
		for (ClientSession s : clients) {
			in = Math.max(in, s.control().queryBuffer());
			out = Math.max(out, s.pendingOutputBytes());
		}
		record(nowSeconds, in, out);
	}

	/** The largest input and output buffers among the clients at {@code nowSeconds}. */
	synchronized void record(long nowSeconds, long maxInput, long maxOutput) {
		int slot = (int) (nowSeconds % SLOTS);
		int next = (slot + 1) % SLOTS;
		input[next] = 0;
		output[next] = 0;
		input[slot] = Math.max(input[slot], maxInput);
		output[slot] = Math.max(output[slot], maxOutput);
	}

	synchronized long maxInput() {
		return max(input);
	}

	synchronized long maxOutput() {
		return max(output);
	}

	private static long max(long[] slots) {
		long m = 0;
		for (long v : slots) {
			m = Math.max(m, v);
		}
		return m;
	}

}
