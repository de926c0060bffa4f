package dev.larder.engine.command;

import java.util.Arrays;

/**
 * The arguments of ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD:
 * {@code numkeys key... [WEIGHTS w...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]} (ZINTERCARD:
 * {@code [LIMIT n]}). As in zunionInterDiffGenericCommand, Redis reads numkeys, then
 * type-checks every input key, and only then reads the options: a wrong-type key wins
 * over a bad option, so the handler calls {@link #numKeys} and {@link #parse} on either
 * side of its lookups.
 *
 * @param weights each input's weight (all 1 without WEIGHTS)
 * @param aggregate how the scores of a member found in several inputs combine
 * @param withScores whether the reply pairs members with scores
 * @param limit ZINTERCARD's LIMIT (0: none)
 */
record ZSetOpArgs(double[] weights, Aggregate aggregate, boolean withScores, long limit) {

	/**
	 * zunionInterAggregate: the comparisons are C's, so of two equal scores (0 and -0)
	 * MIN and MAX keep the one already there, where Math.min and Math.max would prefer a
	 * sign.
	 */
	enum Aggregate {

		SUM {
			@Override
			double apply(double target, double val) {
				double s = target + val;
				return Double.isNaN(s) ? 0.0 : s;
			}
		},
		MIN {
			@Override
			double apply(double target, double val) {
				return val < target ? val : target;
			}
		},
		MAX {
			@Override
			double apply(double target, double val) {
				return val > target ? val : target;
			}
		};

		abstract double apply(double target, double val);

	}

	/**
	 * The number of input keys at {@code numkeysIdx}, checked against the arguments there
	 * are.
	 */
	static int numKeys(CommandContext c, int numkeysIdx) {
		long n = Args.parseLong(c.arg(numkeysIdx));
		if (n < 1) {
			throw new ReplyException("ERR at least 1 input key is needed for '" + Args.lower(c.arg(0)) + "' command");
		}
		if (n > c.argc() - (numkeysIdx + 1)) {
			throw new ReplyException(Errors.SYNTAX);
		}
		return (int) n;
	}

	/**
	 * The options after the {@code numKeys} keys of ZUNION, ZINTER, ZDIFF and their STORE
	 * forms: ZDIFF takes no WEIGHTS or AGGREGATE, a store no WITHSCORES.
	 */
	static ZSetOpArgs parse(CommandContext c, int numkeysIdx, int numKeys, SetCommands.Op op, boolean store) {
		return parse(c, numkeysIdx + 1 + numKeys, numKeys, op != SetCommands.Op.DIFF, !store, false);
	}

	/** ZINTERCARD's options (numkeys at 1): LIMIT only. */
	static ZSetOpArgs parseInterCard(CommandContext c, int numKeys) {
		return parse(c, 2 + numKeys, numKeys, false, false, true);
	}

	private static ZSetOpArgs parse(CommandContext c, int from, int n, boolean weighted, boolean scoresAllowed,
			boolean limitAllowed) {
		double[] weights = new double[n];
		Arrays.fill(weights, 1.0);
		Aggregate aggregate = Aggregate.SUM;
		boolean withScores = false;
		long limit = 0;
		int j = from;
		while (j < c.argc()) {
			int remaining = c.argc() - j;
			byte[] a = c.arg(j);
			if (weighted && remaining >= n + 1 && Args.is(a, "weights")) {
				for (int i = 0; i < n; i++) {
					weights[i] = weight(c.arg(j + 1 + i));
				}
				j += n + 1;
			}
			else if (weighted && remaining >= 2 && Args.is(a, "aggregate")) {
				aggregate = aggregate(c.arg(j + 1));
				j += 2;
			}
			else if (scoresAllowed && Args.is(a, "withscores")) {
				withScores = true;
				j++;
			}
			else if (limitAllowed && remaining >= 2 && Args.is(a, "limit")) {
				limit = Args.parsePositiveLong(c.arg(j + 1), "ERR LIMIT can't be negative");
				j += 2;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return new ZSetOpArgs(weights, aggregate, withScores, limit);
	}

	private static double weight(byte[] arg) {
		Double w = Scores.parse(arg);
		if (w == null) {
			throw new ReplyException("ERR weight value is not a float");
		}
		return w;
	}

	private static Aggregate aggregate(byte[] arg) {
		if (Args.is(arg, "sum")) {
			return Aggregate.SUM;
		}
		if (Args.is(arg, "min")) {
			return Aggregate.MIN;
		}
		if (Args.is(arg, "max")) {
			return Aggregate.MAX;
		}
		throw new ReplyException(Errors.SYNTAX);
	}

	/** A weighted score; Redis turns the NaN of 0 * inf into 0. */
	double weighted(int input, double score) {
		double v = weights[input] * score;
		return Double.isNaN(v) ? 0 : v;
	}

}
