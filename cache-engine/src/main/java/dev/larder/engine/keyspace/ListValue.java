package dev.larder.engine.keyspace;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A Redis list: a circular array of elements, O(1) at both ends and by index. Redis 7.0
 * reports every list as {@code quicklist}; so does this class (one array instead of
 * linked listpack nodes, which is smaller for typical lists and keeps LINDEX O(1)).
 *
 * <p>
 * Its memory estimate is this object, the array (its capacity, not its size) and each
 * element's bytes.
 */
public final class ListValue extends AccountedValue implements CollectionValue {

	private static final int INITIAL_CAPACITY = 4;

	private static final long SHELL = JvmLayout.instance(ListValue.class);

	/**
	 * A ring: the {@code size} slots from {@code head} hold the elements, the others
	 * null.
	 */
	private byte[] @Nullable [] items = new byte[INITIAL_CAPACITY][];

	private int head;

	private int size;

	public ListValue() {
		super(SHELL + JvmLayout.referenceArray(INITIAL_CAPACITY));
	}

	private ListValue(long bytes) {
		super(bytes);
	}

	@Override
	public ValueType type() {
		return ValueType.LIST;
	}

	@Override
	public <R> R accept(ValueVisitor<R> visitor) {
		return visitor.visitList(this);
	}

	@Override
	public boolean isEmpty() {
		return size == 0;
	}

	public int size() {
		return size;
	}

	@Override
	public String encoding() {
		return "quicklist";
	}

	/** The element at {@code index}, which must be in 0..size-1. */
	// The type cannot say that the slots of the ring's elements are never null, and this
	// is LINDEX's and every walk's path, so no check is added to prove it.
	@SuppressWarnings("NullAway")
	public byte[] get(int index) {
		return items[(head + index) & (items.length - 1)];
	}

	public void set(int index, byte[] value) {
		resized(JvmLayout.byteArray(value.length) - JvmLayout.byteArray(get(index).length));
		put(index, value);
	}

	public void addFirst(byte[] v) {
		grow();
		head = (head - 1) & (items.length - 1);
		items[head] = v;
		size++;
		resized(JvmLayout.byteArray(v.length));
	}

	public void addLast(byte[] v) {
		grow();
		items[(head + size) & (items.length - 1)] = v;
		size++;
		resized(JvmLayout.byteArray(v.length));
	}

	/**
	 * Removes and returns the first element, as {@code Deque.removeFirst}: the list must
	 * not be empty (a stored list never is).
	 */
	public byte[] removeFirst() {
		if (size == 0) {
			throw new NoSuchElementException("empty list");
		}
		byte[] v = get(0);
		items[head] = null;
		head = (head + 1) & (items.length - 1);
		size--;
		resized(-JvmLayout.byteArray(v.length));
		shrink();
		return v;
	}

	/**
	 * Removes and returns the last element; as {@link #removeFirst}, not of an empty
	 * list.
	 */
	public byte[] removeLast() {
		if (size == 0) {
			throw new NoSuchElementException("empty list");
		}
		byte[] v = get(size - 1);
		items[(head + size - 1) & (items.length - 1)] = null;
		size--;
		resized(-JvmLayout.byteArray(v.length));
		shrink();
		return v;
	}

	/** Inserts so that the new element ends at {@code index} (0..size). */
	public void insert(int index, byte[] v) {
		if (index == 0) {
			addFirst(v);
			return;
		}
		addLast(v);
		for (int i = size - 1; i > index; i--) {
			put(i, get(i - 1));
		}
		put(index, v);
	}

	public void removeAt(int index) {
		byte[] removed = get(index);
		for (int i = index; i < size - 1; i++) {
			put(i, get(i + 1));
		}
		items[(head + size - 1) & (items.length - 1)] = null;
		size--;
		resized(-JvmLayout.byteArray(removed.length));
		shrink();
	}

	/**
	 * Keeps elements start..end inclusive (already clamped, start <= end), like LTRIM.
	 */
	public void trim(int start, int end) {
		byte[][] kept = new byte[Math.max(INITIAL_CAPACITY,
				Integer.highestOneBit(Math.max(1, end - start + 1)) << 1)][];
		long keptBytes = 0;
		for (int i = start; i <= end; i++) {
			byte[] v = get(i);
			kept[i - start] = v;
			keptBytes += JvmLayout.byteArray(v.length);
		}
		items = kept;
		head = 0;
		size = end - start + 1;
		// what is kept was walked anyway; what went is the rest of the old figure
		resized(SHELL + JvmLayout.referenceArray(kept.length) + keptBytes - memoryUsage());
	}

	public void clear() {
		items = new byte[INITIAL_CAPACITY][];
		head = 0;
		size = 0;
		resized(SHELL + JvmLayout.referenceArray(INITIAL_CAPACITY) - memoryUsage());
	}

	/** Stores an element that is already counted (moved within the array). */
	private void put(int index, byte[] value) {
		items[(head + index) & (items.length - 1)] = value;
	}

	private void grow() {
		if (size == items.length) {
			byte[][] bigger = new byte[items.length * 2][];
			for (int i = 0; i < size; i++) {
				bigger[i] = get(i);
			}
			resize(bigger);
		}
	}

	private void shrink() {
		if (items.length > 64 && size * 4 < items.length) {
			byte[][] smaller = new byte[items.length / 2][];
			for (int i = 0; i < size; i++) {
				smaller[i] = get(i);
			}
			resize(smaller);
		}
	}

	private void resize(byte[][] copied) {
		resized(JvmLayout.referenceArray(copied.length) - JvmLayout.referenceArray(items.length));
		items = copied;
		head = 0;
	}

	@Override
	public ListValue deepCopy() {
		ListValue copy = new ListValue(memoryUsage());
		copy.items = new byte[items.length][];
		for (int i = 0; i < size; i++) {
			copy.items[i] = get(i);
		}
		copy.size = size;
		return copy;
	}

	@Override
	long recount() {
		long total = SHELL + JvmLayout.referenceArray(items.length);
		for (int i = 0; i < size; i++) {
			total += JvmLayout.byteArray(get(i).length);
		}
		return total;
	}

	@Override
	public String toString() {
		byte[][] out = new byte[size][];
		for (int i = 0; i < size; i++) {
			out[i] = get(i);
		}
		return Arrays.deepToString(out);
	}

}
