package dev.larder.engine.keyspace;

/**
 * A string value Redis holds as a raw sds whatever its content, in two uses:
 * <ul>
 * <li>short strings written by APPEND or SETRANGE, which OBJECT ENCODING must call
 * {@code raw} although their bytes alone would make them {@code int} or {@code embstr}
 * ({@link Values#rawString}: a longer one is raw by its length and stays a bare array);
 * <li>bitmaps, the strings SETBIT, BITFIELD and BITOP write, whose bytes SETBIT and
 * BITFIELD then change in place, under the key's shard lock, instead of copying the whole
 * string for each bit ({@link Database#bitsForUpdate}).
 * </ul>
 * Its array never leaves the keyspace: {@link KeyEntry#asString()} hands out a copy, and
 * only commands reading under the shard lock see the array itself
 * ({@link KeyEntry#stringUnderLock()}), so a reply still being written never sees a later
 * change. A bare {@code byte[]} value, which replies share, is never changed.
 */
final class RawString {

	/** The heap of the wrapper itself (its array is counted apart). */
	static final long SHELL = JvmLayout.instance(RawString.class);

	final byte[] bytes;

	RawString(byte[] bytes) {
		this.bytes = bytes;
	}

}
