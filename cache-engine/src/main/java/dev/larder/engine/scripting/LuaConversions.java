package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.Errors;
import dev.larder.engine.command.Scores;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Conversions between replies and Lua values, as Redis documents them for EVAL and
 * implements them in script_lua.c (redisProtocolToLuaType, luaReplyToRedisReply,
 * luaArgsToRedisArgv).
 */
final class LuaConversions {

	private static final LuaString OK = LuaString.valueOf("ok");

	private static final LuaString ERR = LuaString.valueOf("err");

	private static final LuaString DOUBLE = LuaString.valueOf("double");

	private static final LuaString MAP = LuaString.valueOf("map");

	private static final LuaString SET = LuaString.valueOf("set");

	private static final LuaString VERBATIM = LuaString.valueOf("verbatim_string");

	private static final LuaString FORMAT = LuaString.valueOf("format");

	private static final LuaString STRING = LuaString.valueOf("string");

	/**
	 * Nesting beyond this is a self-referencing table; Redis runs out of Lua stack there.
	 */
	private static final int MAX_DEPTH = 1000;

	private LuaConversions() {
	}

	/**
	 * A redis.call reply as Lua sees it. RESP2 (the default): integer to number, bulk to
	 * string, null bulk and null array to false, array to table, status to {ok=...},
	 * error to {err=...}; maps, sets, doubles and booleans arrive in their RESP2 shapes.
	 * After redis.setresp(3): null to nil, boolean to boolean, double to {double=n}, map
	 * to {map={...}}, set to {set={k=true}}, verbatim to {verbatim_string=...}.
	 */
	static LuaValue toLua(Reply reply, boolean resp3) {
		if (reply instanceof Reply.BulkString b) {
			return LuaString.valueOf(b.value());
		}
		else if (reply instanceof Reply.IntegerReply i) {
			return LuaValue.valueOf((double) i.value()); // a Lua 5.1 number is a double
		}
		else if (reply instanceof Reply.SimpleString s) {
			return single(OK, LuaString.valueOf(s.value().getBytes(StandardCharsets.ISO_8859_1)));
		}
		else if (reply instanceof Reply.NullReply) {
			return resp3 ? LuaValue.NIL : LuaValue.FALSE;
		}
		else if (reply instanceof Reply.ErrorReply e) {
			return LuaErrors.table(e);
		}
		else if (reply instanceof Reply.ArrayReply a) {
			return array(a.items(), resp3);
		}
		else if (reply instanceof Reply.MapReply m) {
			if (!resp3) {
				return array(m.keysAndValues(), false);
			}
			LuaTable map = new LuaTable();
			List<Reply> kv = m.keysAndValues();
			for (int i = 0; i + 1 < kv.size(); i += 2) {
				map.rawset(toLua(kv.get(i), true), toLua(kv.get(i + 1), true));
			}
			return single(MAP, map);
		}
		else if (reply instanceof Reply.SetReply s) {
			if (!resp3) {
				return array(s.items(), false);
			}
			LuaTable set = new LuaTable();
			for (Reply r : s.items()) {
				set.rawset(toLua(r, true), LuaValue.TRUE);
			}
			return single(SET, set);
		}
		else if (reply instanceof Reply.DoubleReply d) {
			return resp3 ? single(DOUBLE, LuaValue.valueOf(d.value())) : LuaString
				.valueOf((d.text() != null ? d.text() : Scores.format(d.value())).getBytes(StandardCharsets.US_ASCII));
		}
		else if (reply instanceof Reply.BooleanReply b) {
			return resp3 ? LuaValue.valueOf(b.value()) : LuaValue.valueOf(b.value() ? 1 : 0);
		}
		else if (reply instanceof Reply.VerbatimString v) {
			LuaString text = LuaString.valueOf(v.text().getBytes(StandardCharsets.UTF_8));
			if (!resp3) {
				return text;
			}
			LuaTable inner = new LuaTable();
			inner.rawset(STRING, text);
			inner.rawset(FORMAT, LuaString.valueOf(v.format()));
			return single(VERBATIM, inner);
		}
		throw new IllegalStateException("unhandled reply " + reply);
	}

	private static LuaTable array(List<Reply> items, boolean resp3) {
		LuaValue[] values = new LuaValue[items.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = toLua(items.get(i), resp3);
		}
		return LuaValue.listOf(values);
	}

	private static LuaTable single(LuaValue key, LuaValue value) {
		LuaTable t = new LuaTable();
		t.rawset(key, value);
		return t;
	}

	/**
	 * A script's return value as a reply: number to integer (truncated, as C's cast),
	 * string to bulk, true to 1 (RESP3 script: boolean), false and nil to null, {err=...}
	 * to an error, {ok=...} to a status, {double=...}/{map=...}/{set=...} to those RESP3
	 * types, any other table to an array that stops at the first nil.
	 */
	static Reply toReply(LuaValue v, boolean resp3) {
		return toReply(v, resp3, 0);
	}

	private static Reply toReply(LuaValue v, boolean resp3, int depth) {
		switch (v.type()) {
			case LuaValue.TSTRING:
				return Reply.bulk(bytes(v.checkstring()));
			case LuaValue.TBOOLEAN:
				if (resp3) {
					return new Reply.BooleanReply(v.toboolean());
				}
				return v.toboolean() ? Reply.integer(1) : Reply.NULL;
			case LuaValue.TNUMBER:
				return Reply.integer(toLongLikeC(v.todouble()));
			case LuaValue.TTABLE:
				if (depth >= MAX_DEPTH) {
					return Reply.error("ERR reached lua stack limit");
				}
				return tableToReply(v, resp3, depth);
			default:
				return Reply.NULL;
		}
	}

	private static Reply tableToReply(LuaValue t, boolean resp3, int depth) {
		LuaValue err = t.rawget(ERR);
		if (err.type() == LuaValue.TSTRING) {
			return Reply.error(Errors.sanitize(LuaErrors.string(err)));
		}
		LuaValue ok = t.rawget(OK);
		if (ok.type() == LuaValue.TSTRING) {
			return new Reply.SimpleString(Errors.sanitize(LuaErrors.string(ok)));
		}
		LuaValue d = t.rawget(DOUBLE);
		if (d.type() == LuaValue.TNUMBER) {
			return new Reply.DoubleReply(d.todouble());
		}
		LuaValue map = t.rawget(MAP);
		if (map.istable()) {
			List<Reply> kv = new ArrayList<>();
			LuaValue k = LuaValue.NIL;
			while (true) {
				Varargs next = map.next(k);
				k = next.arg1();
				if (k.isnil()) {
					break;
				}
				kv.add(toReply(k, resp3, depth + 1));
				kv.add(toReply(next.arg(2), resp3, depth + 1));
			}
			return new Reply.MapReply(kv);
		}
		LuaValue set = t.rawget(SET);
		if (set.istable()) {
			List<Reply> items = new ArrayList<>();
			LuaValue k = LuaValue.NIL;
			while (true) {
				k = set.next(k).arg1();
				if (k.isnil()) {
					break;
				}
				items.add(toReply(k, resp3, depth + 1));
			}
			return new Reply.SetReply(items);
		}
		LuaValue verbatim = t.rawget(VERBATIM);
		if (verbatim.istable()) {
			LuaValue format = verbatim.rawget(FORMAT);
			LuaValue text = verbatim.rawget(STRING);
			if (format.type() == LuaValue.TSTRING && text.type() == LuaValue.TSTRING) {
				return new Reply.VerbatimString(format.tojstring(), text.tojstring());
			}
		}
		List<Reply> items = new ArrayList<>();
		for (int i = 1;; i++) {
			LuaValue item = t.rawget(i);
			if (item.isnil()) {
				break;
			}
			items.add(toReply(item, resp3, depth + 1));
		}
		return new Reply.ArrayReply(items);
	}

	/**
	 * C's {@code (long long)} of a double on x86-64: truncation toward zero, and
	 * LLONG_MIN for NaN, the infinities and anything out of range (Redis replies
	 * :-9223372036854775808 to {@code return 1/0}).
	 */
	static long toLongLikeC(double d) {
		if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
			return Long.MIN_VALUE;
		}
		return (long) d;
	}

	/**
	 * redis.call's arguments as a command, or null when one is neither a string nor a
	 * number. Numbers are written with {@code %.17g}, not Lua's lossy {@code %.14g}
	 * (script_lua.c says why).
	 */
	static byte @Nullable [][] toArgs(Varargs args) {
		int n = args.narg();
		byte[][] out = new byte[n][];
		for (int i = 0; i < n; i++) {
			LuaValue a = args.arg(i + 1);
			switch (a.type()) {
				case LuaValue.TSTRING -> out[i] = bytes(a.checkstring());
				case LuaValue.TNUMBER -> out[i] = Scores.format(a.todouble()).getBytes(StandardCharsets.US_ASCII);
				default -> {
					return null;
				}
			}
		}
		return out;
	}

	static byte[] bytes(LuaString s) {
		byte[] b = new byte[s.m_length];
		System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
		return b;
	}

	/** KEYS or ARGV: a Lua array of the arguments as strings. */
	static LuaTable stringArray(byte[][] args, int from, int to) {
		LuaValue[] values = new LuaValue[to - from];
		for (int i = from; i < to; i++) {
			values[i - from] = LuaString.valueOf(args[i]);
		}
		return LuaValue.listOf(values);
	}

}
