package dev.larder.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A command's result, independent of the wire protocol. The RESP server renders it as
 * RESP2 or RESP3; in-process callers read it directly. The variants cover every RESP3
 * type the engine produces, so RESP3-only shapes (map, double, boolean, set, verbatim)
 * degrade to RESP2 the way Redis does.
 */
public sealed interface Reply permits Reply.SimpleString, Reply.ErrorReply, Reply.IntegerReply, Reply.BulkString,
		Reply.NullReply, Reply.ArrayReply, Reply.MapReply, Reply.DoubleReply, Reply.BooleanReply, Reply.SetReply,
		Reply.VerbatimString, Reply.Push, Reply.Sequence, Reply.BigNumber, Reply.Attribute {

	SimpleString OK = new SimpleString("OK");

	SimpleString PONG = new SimpleString("PONG");

	/** The missing value of GET and friends: {@code $-1} in RESP2, {@code _} in RESP3. */
	NullReply NULL = new NullReply(false);

	/** The missing array ({@code *-1} in RESP2), e.g. a blocking pop that timed out. */
	NullReply NULL_ARRAY = new NullReply(true);

	ArrayReply EMPTY_ARRAY = new ArrayReply(List.of());

	/**
	 * True when this reply is an error; saves callers a pattern match on the hot path.
	 */
	default boolean isError() {
		return false;
	}

	static Reply ok() {
		return OK;
	}

	static IntegerReply integer(long value) {
		return IntegerReply.of(value);
	}

	static BulkString bulk(byte[] value) {
		return new BulkString(value);
	}

	static BulkString bulk(String value) {
		return new BulkString(value.getBytes(StandardCharsets.UTF_8));
	}

	/** A bulk string, or the null reply when {@code value} is null. */
	static Reply bulkOrNull(byte @Nullable [] value) {
		return value == null ? NULL : new BulkString(value);
	}

	static ErrorReply error(String message) {
		return new ErrorReply(message);
	}

	static ArrayReply array(List<? extends Reply> items) {
		return new ArrayReply(List.copyOf(items));
	}

	static ArrayReply array(Reply... items) {
		return new ArrayReply(List.of(items));
	}

	/** A status reply such as {@code +OK}. */
	record SimpleString(String value) implements Reply {
	}

	/**
	 * An error reply; {@code message} includes the error code, e.g.
	 * {@code "ERR syntax error"}.
	 */
	record ErrorReply(String message) implements Reply {
		@Override
		public boolean isError() {
			return true;
		}

		/** The leading upper-case word, e.g. {@code ERR} or {@code WRONGTYPE}. */
		public String code() {
			int space = message.indexOf(' ');
			return space < 0 ? message : message.substring(0, space);
		}
	}

	record IntegerReply(long value) implements Reply {
		private static final IntegerReply[] SMALL = new IntegerReply[1026];

		static {
			for (int i = 0; i < SMALL.length; i++) {
				SMALL[i] = new IntegerReply(i - 2);
			}
		}

		/**
		 * Shared instances for -2..1023: TTL, EXISTS, DEL and counters reply with these
		 * most of the time.
		 */
		public static IntegerReply of(long value) {
			return value >= -2 && value < SMALL.length - 2 ? SMALL[(int) value + 2] : new IntegerReply(value);
		}
	}

	/** A binary-safe string. The array is not copied: treat it as read-only. */
	record BulkString(byte[] value) implements Reply {
		public String asString() {
			return new String(value, StandardCharsets.UTF_8);
		}

		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof BulkString other && Arrays.equals(value, other.value);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(value);
		}

		@Override
		public String toString() {
			return "BulkString[" + asString() + "]";
		}
	}

	/** Null; {@code array} distinguishes RESP2's {@code *-1} from {@code $-1}. */
	record NullReply(boolean array) implements Reply {
	}

	record ArrayReply(List<Reply> items) implements Reply {
	}

	/** Alternating keys and values: RESP3 {@code %}, a flat array in RESP2. */
	record MapReply(List<Reply> keysAndValues) implements Reply {
		public int size() {
			return keysAndValues.size() / 2;
		}
	}

	/**
	 * RESP3 {@code ,}; a bulk string in RESP2. {@code text} is the value as the command
	 * prints it when that is not the usual {@code %.17g} (GEOPOS prints {@code %.17Lf}),
	 * null otherwise.
	 */
	record DoubleReply(double value, @Nullable String text) implements Reply {

		public DoubleReply(double value) {
			this(value, null);
		}
	}

	/** RESP3 {@code #}; an integer 1/0 in RESP2. */
	record BooleanReply(boolean value) implements Reply {
	}

	/** RESP3 {@code ~}; an array in RESP2. */
	record SetReply(List<Reply> items) implements Reply {
	}

	/** RESP3 {@code =} (e.g. INFO, CLIENT LIST); a bulk string in RESP2. */
	record VerbatimString(String format, String text) implements Reply {
	}

	/**
	 * Out-of-band data for the client (pub/sub messages and confirmations,
	 * invalidations): RESP3 {@code >}, an array in RESP2.
	 */
	/**
	 * Frames written one after another, with no header of their own: the slot of a
	 * (P|S)SUBSCRIBE or (P|S)UNSUBSCRIBE that EXEC ran, which Redis fills with one
	 * confirmation per channel (so EXEC's array holds more frames than its length says).
	 */
	record Sequence(List<Reply> items) implements Reply {

		public Sequence {
			items = List.copyOf(items);
		}

	}

	record Push(List<Reply> items) implements Reply {
	}

	/** RESP3 {@code (} (DEBUG PROTOCOL bignum); a bulk string in RESP2. */
	record BigNumber(String digits) implements Reply {
	}

	/**
	 * RESP3 {@code |}: metadata about the reply that follows it in a {@link Sequence}.
	 * RESP2 has no such type, so it writes nothing there, and Redis never sends one to a
	 * RESP2 client.
	 */
	record Attribute(List<Reply> keysAndValues) implements Reply {
	}

}
