package dev.larder.engine.keyspace;

import org.jspecify.annotations.Nullable;

/**
 * The memory accounting every collection value shares: its own size estimate in bytes,
 * which the value's methods keep current as members come and go, arrays grow or shrink
 * and the encoding converts (never by walking the collection), and the slice whose
 * running total includes the value, which every change updates in the same step. A value
 * is attached to a slice when it is stored under a key and detached when the key goes, so
 * one being built or copied counts nowhere until it is stored. Guarded, like the value,
 * by the lock of the shard that holds it.
 */
abstract sealed class AccountedValue permits ListValue, SetValue, ZSetValue, HashValue, StreamValue {

	/** This value's estimate: the bytes it holds on the heap, itself included. */
	private long bytes;

	/** The slice whose total counts this value, or null while it is stored nowhere. */
	@Nullable DbShard owner;

	AccountedValue(long bytes) {
		this.bytes = bytes;
	}

	/**
	 * The heap this value holds: its own object, its arrays, tables and nodes, and its
	 * members' bytes.
	 */
	public final long memoryUsage() {
		return bytes;
	}

	/**
	 * Records a change of {@code delta} bytes, in this value and in its slice's total: a
	 * long add or two per change, under the lock the command already holds.
	 */
	final void resized(long delta) {
		bytes += delta;
		DbShard o = owner;
		if (o != null) {
			o.account(delta);
		}
	}

	/**
	 * The estimate recomputed from the structure itself, by walking all of it: for tests,
	 * which check that the running figures never drift from it.
	 */
	abstract long recount();

}
