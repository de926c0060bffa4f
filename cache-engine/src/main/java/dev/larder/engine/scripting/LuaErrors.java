package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.Errors;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Redis's error conventions for scripts (script_lua.c): errors travel as tables
 * {@code {err="CODE msg"}}; a script that fails is answered
 * {@code -<err> script: <sha>, on @user_script:<line>.}, a plain string error being
 * prefixed with "ERR ". LuaJ formats positions as {@code "@user_script:1 msg"}; Lua 5.1
 * as {@code "user_script:1: msg"}, which is what scripts (pcall) and clients see, so
 * messages are rewritten.
 */
final class LuaErrors {

	private static final LuaString ERR = LuaString.valueOf("err");

	/**
	 * LuaJ's position prefix: chunk name (an EVAL script or a FUNCTION library), line,
	 * one space.
	 */
	private static final Pattern POSITION = Pattern.compile("^@(user_script|user_function):(\\d+) ", Pattern.DOTALL);

	private LuaErrors() {
	}

	/**
	 * luaPushErrorBuff: the error table for a Redis error reply ({@code "CODE msg"}) or a
	 * bare message ("msg", which gets the code ERR). Leading '-' and trailing CR/LF are
	 * dropped.
	 */
	static LuaTable table(String error, boolean hasCode) {
		String code;
		String msg;
		if (hasCode) {
			int space = error.indexOf(' ');
			code = space < 0 ? "ERR" : error.substring(0, space);
			msg = space < 0 ? error : error.substring(space + 1);
		}
		else {
			code = "ERR";
			msg = error;
		}
		msg = strip(msg);
		LuaTable t = new LuaTable();
		t.rawset(ERR, LuaString.valueOf((code + " " + msg).getBytes(StandardCharsets.ISO_8859_1)));
		return t;
	}

	/** The error table of a command's error reply. */
	static LuaTable table(Reply.ErrorReply reply) {
		return table(reply.message(), true);
	}

	/**
	 * What Redis's pcall returns for an error: the err string of an error table, else the
	 * error value.
	 */
	static LuaValue pcallValue(LuaError e) {
		LuaValue obj = e.getMessageObject();
		if (obj == null) {
			return LuaValue.NIL;
		}
		if (obj.istable()) {
			LuaValue err = obj.rawget(ERR);
			return err.type() == LuaValue.TSTRING ? err : obj;
		}
		if (obj.type() == LuaValue.TSTRING) {
			return LuaValue.valueOf(lua51Message(obj.tojstring()));
		}
		return obj;
	}

	/**
	 * The reply for a script that failed with {@code e}; {@code fallbackLine} is used
	 * when LuaJ attached no position (an error in a tail call of the main chunk).
	 */
	static Reply reply(LuaError e, String sha, int fallbackLine) {
		return reply(e, sha, fallbackLine, "user_script");
	}

	/**
	 * As {@link #reply(LuaError, String, int)} for a chunk named {@code chunk}
	 * (user_function for FCALL, whose replies name the function instead of a digest).
	 */
	static Reply reply(LuaError e, String sha, int fallbackLine, String chunk) {
		String raw = e.getMessage();
		String line = fallbackLine > 0 ? Integer.toString(fallbackLine) : null;
		if (raw != null) {
			Matcher m = POSITION.matcher(raw);
			if (m.find()) {
				chunk = m.group(1);
				line = m.group(2);
			}
		}
		return withScript(message(e), sha, line, chunk);
	}

	/**
	 * The error text of a failed script without the script's name: the err string of an
	 * error table, else {@code "ERR "} and the Lua 5.1 form of the message (what FUNCTION
	 * LOAD reports after "Error registering functions: ").
	 */
	static String message(LuaError e) {
		String raw = e.getMessage();
		boolean positioned = raw != null && POSITION.matcher(raw).find();
		LuaValue obj = e.getMessageObject();
		String message;
		if (obj != null && obj.istable()) {
			LuaValue err = obj.rawget(ERR);
			message = err.type() == LuaValue.TSTRING ? string(err) : "ERR " + obj.tojstring();
		}
		else if (obj == null || obj.type() != LuaValue.TSTRING) {
			message = "ERR " + (obj == null ? "nil" : obj.tojstring());
		}
		else {
			String text = stripTraceback(obj.tojstring());
			// error() with nil: LuaJ has no message at all and its hook renders it
			// "null", without position
			message = "ERR " + (!positioned && text.equals("null") ? "nil" : lua51Message(text));
		}
		return message;
	}

	/** The reply for a script stopped by the time limit. */
	static Reply timeout(String sha, long limitMillis) {
		return withScript("ERR Script killed: it ran longer than the script time limit (" + limitMillis + " ms)", sha,
				null, "user_script");
	}

	static Reply stackOverflow(String sha) {
		return withScript("ERR stack overflow", sha, null, "user_script");
	}

	/** The error reply, naming the script and, when known, the line. */
	private static Reply withScript(String message, String sha, @Nullable String line, String chunk) {
		String full = line == null ? message + " script: " + sha
				: message + " script: " + sha + ", on @" + chunk + ":" + line + ".";
		return Reply.error(Errors.sanitize(full));
	}

	/**
	 * {@code "@user_script:3 boom"} (LuaJ) to {@code "user_script:3: boom"} (Lua 5.1),
	 * hook newline dropped.
	 */
	static String lua51Message(String luaj) {
		String s = stripTraceback(luaj);
		Matcher m = POSITION.matcher(s);
		return m.find() ? m.group(1) + ":" + m.group(2) + ": " + s.substring(m.end()) : s;
	}

	private static String stripTraceback(String s) {
		return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
	}

	static String string(LuaValue s) {
		LuaString ls = s.checkstring();
		return new String(ls.m_bytes, ls.m_offset, ls.m_length, StandardCharsets.ISO_8859_1);
	}

	private static String strip(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && (s.charAt(start) == '\r' || s.charAt(start) == '\n')) {
			start++;
		}
		while (end > start && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
			end--;
		}
		return s.substring(start, end);
	}

}
