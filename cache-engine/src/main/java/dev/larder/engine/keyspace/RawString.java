package dev.larder.engine.keyspace;

/**
 * A string value that OBJECT ENCODING must call {@code raw} although its bytes alone
 * would make it {@code int} or {@code embstr}: Redis keeps the strings that SETBIT,
 * BITFIELD, BITOP, SETRANGE and APPEND wrote as raw sds whatever their length, until a
 * SET replaces them. Only such short strings are wrapped ({@link Values#rawString}); a
 * longer one is raw by its length and stays a bare array. Immutable like every stored
 * string: readers see the bytes through {@link KeyEntry#asString()} and never this class.
 */
final class RawString {

	/** The heap of the wrapper itself (its array is counted apart). */
	static final long SHELL = JvmLayout.instance(RawString.class);

	final byte[] bytes;

	RawString(byte[] bytes) {
		this.bytes = bytes;
	}

}
