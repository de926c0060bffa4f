package dev.larder.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * What the argument objects hold once parsed: the parts no reply shows (which bound a
 * reverse range reads first, that a plain SET shares one argument object, what the expire
 * conditions allow). Their errors and the order of errors are checked against a real
 * redis-server by {@code ArgumentErrorsDifferentialTest}.
 */
class ArgumentParsersTest {

	private static final long NOW = 1_700_000_000_000L;

	private final EngineCore core = new EngineCore(EngineConfig.builder().clock(new MutableClock(NOW)).build());

	private CommandContext context(String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = Bytes.utf8(args[i]);
		}
		return new CommandContext(core, core.newEmbeddedSession(), bytes);
	}

	@Test
	void plainSetSharesOneArgumentObject() {
		assertThat(SetArgs.parseSet(context("SET", "k", "v"))).isSameAs(SetArgs.NONE);
		assertThat(SetArgs.NONE.expireAt(context("SET", "k", "v"), "set")).isEqualTo(KeyEntry.NO_EXPIRY);
	}

	@Test
	void setOptionsAndTheirExpiry() {
		SetArgs a = SetArgs.parseSet(context("SET", "k", "v", "nx", "GET", "PX", "1500"));
		assertThat(a.nx()).isTrue();
		assertThat(a.get()).isTrue();
		assertThat(a.xx() || a.keepTtl() || a.persist() || a.absoluteExpire()).isFalse();
		assertThat(a.expireAt(context("SET", "k", "v", "nx", "GET", "PX", "1500"), "set")).isEqualTo(NOW + 1500);
		CommandContext exat = context("GETEX", "k", "EXAT", "10", "EXAT", "20");
		SetArgs repeated = SetArgs.parseGetEx(exat);
		assertThat(repeated.absoluteExpire()).isTrue();
		assertThat(repeated.expireAt(exat, "getex")).isEqualTo(20_000);
	}

	@Test
	void reverseScoreAndLexRangesReadMaxFirst() {
		ZRangeArgs byScore = ZRangeArgs.parse(context("ZRANGE", "z", "(5", "1", "BYSCORE", "REV", "LIMIT", "1", "2"), 1,
				null, false, false);
		assertThat(byScore.by()).isEqualTo(ZRangeArgs.By.SCORE);
		assertThat(byScore.rev()).isTrue();
		assertThat(byScore.range()).isEqualTo(new ScoreRange(1, 5, false, true));
		assertThat(byScore.offset()).isEqualTo(1);
		assertThat(byScore.limit()).isEqualTo(2);
		ZRangeArgs legacy = ZRangeArgs.parse(context("ZREVRANGEBYLEX", "z", "+", "[b"), 1, ZRangeArgs.By.LEX, true,
				false);
		LexRange lex = (LexRange) legacy.range();
		assertThat(lex.min()).containsExactly('b');
		assertThat(lex.maxInf()).isEqualTo(1);
		ZRangeArgs rank = ZRangeArgs.parse(context("ZRANGESTORE", "dst", "z", "-2", "-1", "REV"), 2, null, false, true);
		assertThat(rank.by()).isEqualTo(ZRangeArgs.By.RANK);
		assertThat(rank.start()).isEqualTo(-2);
		assertThat(rank.end()).isEqualTo(-1);
		assertThat(rank.range()).isNull();
	}

	@Test
	void zaddKeepsOptionsAndScoresApart() {
		ZAddArgs a = ZAddArgs.parse(context("ZADD", "z", "XX", "GT", "CH", "1.5", "a", "-inf", "b"));
		assertThat(a.xx() && a.gt() && a.ch()).isTrue();
		assertThat(a.nx() || a.lt() || a.incr()).isFalse();
		assertThat(a.pairs()).isEqualTo(2);
		assertThat(a.scores()).containsExactly(1.5, Double.NEGATIVE_INFINITY);
		assertThat(a.keepsCurrent(2, 1.5)).isTrue();
		assertThat(a.keepsCurrent(1, 1.5)).isFalse();
		ZAddArgs incr = ZAddArgs.parse(context("ZADD", "z", "INCR", "+inf", "m"));
		assertThatThrownBy(() -> incr.newScore(Double.NEGATIVE_INFINITY, 0)).isInstanceOf(ReplyException.class)
			.hasMessage("ERR resulting score is not a number (NaN)");
	}

	@Test
	void setOperationOptions() {
		ZSetOpArgs a = ZSetOpArgs.parse(context("ZUNION", "2", "a", "b", "WEIGHTS", "2", "0", "AGGREGATE", "max"), 1, 2,
				SetCommands.Op.UNION, false);
		assertThat(a.weights()).containsExactly(2, 0);
		assertThat(a.aggregate()).isEqualTo(ZSetOpArgs.Aggregate.MAX);
		assertThat(a.weighted(1, Double.POSITIVE_INFINITY)).isZero();
		ZSetOpArgs plain = ZSetOpArgs.parse(context("ZINTER", "1", "a", "WITHSCORES"), 1, 1, SetCommands.Op.INTER,
				false);
		assertThat(plain.weights()).containsExactly(1);
		assertThat(plain.aggregate()).isEqualTo(ZSetOpArgs.Aggregate.SUM);
		assertThat(plain.withScores()).isTrue();
		assertThat(ZSetOpArgs.parseInterCard(context("ZINTERCARD", "1", "a", "LIMIT", "3"), 1).limit()).isEqualTo(3);
	}

	/** C's comparisons: of 0 and -0, MIN and MAX keep the score already there. */
	@Test
	void aggregatesKeepTheScoreAlreadyThereOnTies() {
		assertThat(ZSetOpArgs.Aggregate.MIN.apply(-0.0, 0.0)).isEqualTo(-0.0);
		assertThat(ZSetOpArgs.Aggregate.MAX.apply(0.0, -0.0)).isEqualTo(0.0);
		assertThat(ZSetOpArgs.Aggregate.SUM.apply(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isZero();
	}

	@Test
	void expireConditions() {
		long later = NOW + 10_000;
		ExpireArgs none = ExpireArgs.parse(context("PEXPIRE", "k", "10000"), NOW, false);
		assertThat(none.when()).isEqualTo(later);
		assertThat(none.allows(-1)).isTrue();
		assertThat(none.allows(NOW)).isTrue();
		ExpireArgs nx = ExpireArgs.parse(context("EXPIRE", "k", "10", "nx"), NOW, true);
		assertThat(nx.allows(-1)).isTrue();
		assertThat(nx.allows(NOW)).isFalse();
		ExpireArgs xx = ExpireArgs.parse(context("EXPIREAT", "k", "1", "XX"), 0, true);
		assertThat(xx.when()).isEqualTo(1000);
		assertThat(xx.allows(-1)).isFalse();
		assertThat(xx.allows(NOW)).isTrue();
		// No expiry counts as infinite: GT never replaces it, LT always does.
		ExpireArgs gt = ExpireArgs.parse(context("PEXPIREAT", "k", Long.toString(later), "GT"), 0, false);
		assertThat(gt.allows(-1)).isFalse();
		assertThat(gt.allows(later - 1)).isTrue();
		assertThat(gt.allows(later)).isFalse();
		ExpireArgs lt = ExpireArgs.parse(context("PEXPIREAT", "k", Long.toString(later), "LT", "XX"), 0, false);
		assertThat(lt.allows(-1)).isFalse();
		assertThat(lt.allows(later + 1)).isTrue();
		assertThat(lt.allows(later)).isFalse();
		ExpireArgs ltAlone = ExpireArgs.parse(context("PEXPIREAT", "k", Long.toString(later), "LT"), 0, false);
		assertThat(ltAlone.allows(-1)).isTrue();
	}

	@Test
	void lposDefaultsAndLaterOptionsWin() {
		LPosArgs defaults = LPosArgs.parse(context("LPOS", "l", "a"));
		assertThat(defaults).isEqualTo(new LPosArgs(1, -1, 0));
		assertThat(defaults.many()).isFalse();
		assertThat(defaults.skip()).isZero();
		LPosArgs a = LPosArgs.parse(context("LPOS", "l", "a", "RANK", "2", "RANK", "-3", "COUNT", "0", "MAXLEN", "9"));
		assertThat(a).isEqualTo(new LPosArgs(-3, 0, 9));
		assertThat(a.many()).isTrue();
		assertThat(a.skip()).isEqualTo(2);
		assertThat(a.limit()).isZero();
		LPosArgs first = LPosArgs.parse(context("LPOS", "l", "a", "RANK", "1", "COUNT", "2"));
		assertThat(first.skip()).isZero();
		assertThat(first.limit()).isEqualTo(2);
		// Redis negates LONG_MIN into itself: every match from the tail, COUNT no limit
		LPosArgs min = LPosArgs.parse(context("LPOS", "l", "a", "RANK", "-9223372036854775808", "COUNT", "1"));
		assertThat(min.skip()).isZero();
		assertThat(min.limit()).isZero();
		assertThat(LPosArgs.parse(context("LPOS", "l", "a", "RANK", "-9223372036854775807")).skip())
			.isEqualTo(Long.MAX_VALUE - 1);
	}

	@Test
	void copyTargetsAnotherDatabase() {
		CopyArgs a = CopyArgs.parse(context("COPY", "a", "b", "DB", "3", "REPLACE"));
		assertThat(a.target()).isSameAs(core.keyspace().db(3));
		assertThat(a.replace()).isTrue();
		assertThat(CopyArgs.parse(context("COPY", "a", "b")).target()).isSameAs(core.keyspace().db(0));
	}

	@Test
	void randomCountAndInterCard() {
		assertThat(RandomCountArgs.parse(context("ZRANDMEMBER", "z", "-5", "withscores"), "withscores"))
			.isEqualTo(new RandomCountArgs(-5, true));
		assertThat(RandomCountArgs.parse(context("HRANDFIELD", "h", "2"), "withvalues"))
			.isEqualTo(new RandomCountArgs(2, false));
		assertThat(SInterCardArgs.parse(context("SINTERCARD", "2", "a", "b", "LIMIT", "1", "LIMIT", "0")))
			.isEqualTo(new SInterCardArgs(2, 0));
		assertThat(ListEnd.parse(Bytes.utf8("Right"))).isEqualTo(ListEnd.RIGHT);
	}

}
