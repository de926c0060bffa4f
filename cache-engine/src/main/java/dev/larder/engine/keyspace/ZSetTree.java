package dev.larder.engine.keyspace;

import dev.larder.engine.keyspace.ZSetValue.Node;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The order of a sorted set: a B+ tree of its nodes by (score, member bytes unsigned),
 * counted (an inner page knows how many members each child holds), so rank and
 * select-by-rank are O(log n) like Redis's skip list with spans.
 *
 * <p>
 * Why not the skip list: its walks are bound by cache misses. A search visits about
 * 4·log4(n) nodes spread over the heap, one miss each (about 33 at 100K members); this
 * tree visits log32(n) pages, and in each it binary-searches scores that sit in one
 * contiguous {@code double[]}. Dragonfly replaced Redis's skip list with a B+ tree for
 * the same reason. It also needs no per-node level arrays, so a member costs fewer bytes.
 *
 * <p>
 * Each node points back to its leaf, so removal, rank and stepping to the next member
 * start from the leaf instead of a search from the root; splits and merges re-point the
 * nodes they move.
 *
 * <p>
 * Pages split in two when full. A page that falls below a quarter full merges into a
 * neighbour when both fit in one page; an emptied page is unlinked; a root with a single
 * child gives way to that child. All leaves stay at one depth. Not thread-safe: the
 * owning shard's lock guards it.
 *
 * <p>
 * For memory accounting the tree keeps the heap of its pages current ({@link #pageBytes})
 * as pages are made, grown and dropped; the nodes are counted by the sorted set.
 */
final class ZSetTree {

	/**
	 * A leaf splits when it fills all its slots, so it holds at most LEAF_SLOTS - 1
	 * members between calls.
	 */
	static final int LEAF_SLOTS = 32;
	static final int INNER_SLOTS = 32;

	private static final int LEAF_MIN = LEAF_SLOTS / 4;

	private static final int INNER_MIN = INNER_SLOTS / 4;

	/**
	 * A set's first leaf starts small and grows: most sorted sets in a cache are small.
	 */
	private static final int FIRST_LEAF_SLOTS = 4;

	/** An inner page and its four arrays, which never change size. */
	private static final long INNER_BYTES = JvmLayout.instance(Inner.class) + 2 * JvmLayout.referenceArray(INNER_SLOTS)
			+ JvmLayout.intArray(INNER_SLOTS) + JvmLayout.doubleArray(INNER_SLOTS);

	private static final long LEAF_SHELL = JvmLayout.instance(Leaf.class);

	/** The pages of a new, empty tree: its first leaf. */
	static final long INITIAL_PAGE_BYTES = leafBytes(FIRST_LEAF_SLOTS);

	/**
	 * A monotone test over the order: false for a prefix of the members, true for the
	 * rest.
	 */
	@FunctionalInterface
	interface Bound {

		boolean test(double score, byte[] member);

	}

	abstract static sealed class Page permits Leaf, Inner {

		/** Null for the root. */
		@Nullable Inner parent;

		int count;

	}

	static final class Leaf extends Page {

		/**
		 * The members' scores again, contiguous, so a search touches a few cache lines
		 * instead of every node.
		 */
		double[] scores;

		/** The members in order in the first {@code count} slots; the others are null. */
		@Nullable Node[] nodes;

		/** The leaf before this one, or null for the first. */
		@Nullable Leaf prev;

		/** The leaf after this one, or null for the last. */
		@Nullable Leaf next;

		Leaf(int slots) {
			scores = new double[slots];
			nodes = new Node[slots];
		}

		/** The node in slot {@code i}, which must be below {@code count}. */
		// The type cannot say that the slots below count are never null, and every search
		// and walk of a sorted set reads them, so no check is added to prove it.
		@SuppressWarnings("NullAway")
		Node node(int i) {
			return nodes[i];
		}

		int indexOf(Node n) {
			@Nullable Node[] a = nodes;
			for (int i = 0, c = count; i < c; i++) {
				if (a[i] == n) {
					return i;
				}
			}
			throw new IllegalStateException("sorted-set node not found in its leaf");
		}

		/** Index of the first member above (score, member), which is not in the leaf. */
		int insertionPoint(double score, byte[] member) {
			int lo = 0;
			int hi = count;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				double s = scores[mid];
				if (s < score || s == score && cmp(node(mid).key, member) < 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			return lo;
		}

		void insertAt(int i, Node n) {
			if (count == nodes.length) {
				int slots = Math.min(LEAF_SLOTS, nodes.length * 2);
				scores = Arrays.copyOf(scores, slots);
				nodes = Arrays.copyOf(nodes, slots);
			}
			System.arraycopy(scores, i, scores, i + 1, count - i);
			System.arraycopy(nodes, i, nodes, i + 1, count - i);
			scores[i] = n.score;
			nodes[i] = n;
			count++;
			n.leaf = this;
		}

		void removeAt(int i) {
			System.arraycopy(scores, i + 1, scores, i, count - i - 1);
			System.arraycopy(nodes, i + 1, nodes, i, count - i - 1);
			nodes[--count] = null;
		}

	}

	static final class Inner extends Page {

		/**
		 * The children in order in the first {@code count} slots; the others are null.
		 */
		final @Nullable Page[] children = new Page[INNER_SLOTS];

		/** Members under each child. */
		final int[] sizes = new int[INNER_SLOTS];

		/**
		 * For i >= 1, a lower bound of child i: every member of child i is at or above
		 * (lowScores[i], lowMembers[i]) and every member of child i-1 below it. Copied
		 * when the child was split off, it stays a valid bound when that member goes
		 * (which is why the bytes are kept, not the node: a node's score changes).
		 */
		final double[] lowScores = new double[INNER_SLOTS];

		final byte[] @Nullable [] lowMembers = new byte[INNER_SLOTS][];

		/** Child {@code i}, which must be below {@code count}. */
		// As Leaf.node: the slots below count are never null, and every descent reads
		// them.
		@SuppressWarnings("NullAway")
		Page child(int i) {
			return children[i];
		}

		/**
		 * The lower bound in slot {@code i}, which must hold one: slots 1..count-1 always
		 * do, and slot 0 of a page just split off keeps the bound it had.
		 */
		// As Leaf.node: those slots are never null, and every descent reads them.
		@SuppressWarnings("NullAway")
		byte[] lowMember(int i) {
			return lowMembers[i];
		}

		int indexOf(Page child) {
			for (int i = 0; i < count; i++) {
				if (children[i] == child) {
					return i;
				}
			}
			throw new IllegalStateException("sorted-set page not found in its parent");
		}

		/**
		 * The child whose range holds (score, member): the last child whose lower bound
		 * is at or below it.
		 */
		int childFor(double score, byte[] member) {
			int lo = 1;
			int hi = count - 1;
			int found = 0;
			while (lo <= hi) {
				int mid = (lo + hi) >>> 1;
				double s = lowScores[mid];
				if (s < score || s == score && cmp(lowMember(mid), member) <= 0) {
					found = mid;
					lo = mid + 1;
				}
				else {
					hi = mid - 1;
				}
			}
			return found;
		}

		void insertChild(int i, Page child, double lowScore, byte[] lowMember) {
			int tail = count - i;
			System.arraycopy(children, i, children, i + 1, tail);
			System.arraycopy(sizes, i, sizes, i + 1, tail);
			System.arraycopy(lowScores, i, lowScores, i + 1, tail);
			System.arraycopy(lowMembers, i, lowMembers, i + 1, tail);
			children[i] = child;
			lowScores[i] = lowScore;
			lowMembers[i] = lowMember;
			child.parent = this;
			count++;
		}

		void removeChild(int i) {
			int tail = count - i - 1;
			System.arraycopy(children, i + 1, children, i, tail);
			System.arraycopy(sizes, i + 1, sizes, i, tail);
			System.arraycopy(lowScores, i + 1, lowScores, i, tail);
			System.arraycopy(lowMembers, i + 1, lowMembers, i, tail);
			count--;
			children[count] = null;
			lowMembers[count] = null;
		}

		int total(int from, int to) {
			int sum = 0;
			for (int i = from; i < to; i++) {
				sum += sizes[i];
			}
			return sum;
		}

	}

	private Page root;

	private Leaf head;

	private Leaf tail;

	private int size;

	/** The heap of every page of the tree, their arrays included. */
	private long pageBytes = INITIAL_PAGE_BYTES;

	ZSetTree() {
		Leaf leaf = new Leaf(FIRST_LEAF_SLOTS);
		root = leaf;
		head = leaf;
		tail = leaf;
	}

	int size() {
		return size;
	}

	long pageBytes() {
		return pageBytes;
	}

	private static long leafBytes(int slots) {
		return LEAF_SHELL + JvmLayout.doubleArray(slots) + JvmLayout.referenceArray(slots);
	}

	@Nullable Node first() {
		return size == 0 ? null : head.node(0);
	}

	@Nullable Node last() {
		return size == 0 ? null : tail.node(tail.count - 1);
	}

	/** Adds a node that is not in the tree, at the place of its score and member. */
	void insert(Node n) {
		double score = n.score;
		byte[] member = n.key;
		Page p = root;
		while (p instanceof Inner in) {
			int i = in.childFor(score, member);
			in.sizes[i]++;
			p = in.child(i);
		}
		Leaf leaf = (Leaf) p;
		int slots = leaf.nodes.length;
		leaf.insertAt(leaf.insertionPoint(score, member), n);
		if (leaf.nodes.length != slots) {
			pageBytes += leafBytes(leaf.nodes.length) - leafBytes(slots);
		}
		size++;
		if (leaf.count == LEAF_SLOTS) {
			splitLeaf(leaf);
		}
	}

	void remove(Node n) {
		Leaf leaf = leafOf(n);
		leaf.removeAt(leaf.indexOf(n));
		n.leaf = null;
		size--;
		Page child = leaf;
		for (Inner p = leaf.parent; p != null; child = p, p = p.parent) {
			p.sizes[p.indexOf(child)]--;
		}
		Inner parent = leaf.parent;
		if (leaf.count < LEAF_MIN && parent != null) {
			rebalance(leaf, parent);
		}
	}

	/**
	 * Changes a node's score where it stands when its neighbours in the leaf still
	 * bracket it (the common case for small changes, as zslUpdateScore's fast path);
	 * false when it must move.
	 */
	boolean updateInPlace(Node n, double score) {
		Leaf leaf = leafOf(n);
		int i = leaf.indexOf(n);
		if (i == 0 || i == leaf.count - 1) {
			return false; // an edge member may also be its leaf's bound in the parent
		}
		double before = leaf.scores[i - 1];
		double after = leaf.scores[i + 1];
		if ((before < score || before == score && cmp(leaf.node(i - 1).key, n.key) < 0)
				&& (after > score || after == score && cmp(leaf.node(i + 1).key, n.key) > 0)) {
			leaf.scores[i] = score;
			n.score = score;
			return true;
		}
		return false;
	}

	/**
	 * Replaces a node's score by one that compares equal to it (0 for -0): the order, and
	 * so every bound kept in the inner pages, stays as it is.
	 */
	void replaceWithEqual(Node n, double score) {
		assert score == n.score;
		Leaf leaf = leafOf(n);
		leaf.scores[leaf.indexOf(n)] = score;
		n.score = score;
	}

	/** 0-based rank of a node in the tree. */
	long rank(Node n) {
		Leaf leaf = leafOf(n);
		long rank = leaf.indexOf(n);
		Page child = leaf;
		for (Inner p = leaf.parent; p != null; child = p, p = p.parent) {
			rank += p.total(0, p.indexOf(child));
		}
		return rank;
	}

	/** The node at a 0-based rank, or null when out of range. */
	@Nullable Node byRank(long rank) {
		if (rank < 0 || rank >= size) {
			return null;
		}
		long r = rank;
		Page p = root;
		while (p instanceof Inner in) {
			int i = 0;
			while (r >= in.sizes[i]) {
				r -= in.sizes[i];
				i++;
			}
			p = in.child(i);
		}
		return ((Leaf) p).node((int) r);
	}

	/** The first node for which {@code bound} holds, or null. */
	@Nullable Node firstWhere(Bound bound) {
		if (size == 0) {
			return null;
		}
		Page p = root;
		while (p instanceof Inner in) {
			// The first match is in the last child whose lower bound fails (bounds only
			// grow to the right).
			int lo = 1;
			int hi = in.count - 1;
			int found = 0;
			while (lo <= hi) {
				int mid = (lo + hi) >>> 1;
				if (bound.test(in.lowScores[mid], in.lowMember(mid))) {
					hi = mid - 1;
				}
				else {
					found = mid;
					lo = mid + 1;
				}
			}
			p = in.child(found);
		}
		Leaf leaf = (Leaf) p;
		int lo = 0;
		int hi = leaf.count;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (bound.test(leaf.scores[mid], leaf.node(mid).key)) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		if (lo < leaf.count) {
			return leaf.node(lo);
		}
		return leaf.next == null ? null : leaf.next.node(0);
	}

	/**
	 * The last node for which {@code stay} holds (true for a prefix of the members), or
	 * null.
	 */
	@Nullable Node lastWhere(Bound stay) {
		Node beyond = firstWhere((s, m) -> !stay.test(s, m));
		return beyond == null ? last() : prev(beyond);
	}

	/** The node after {@code n}, or null when it is the last. */
	static @Nullable Node next(Node n) {
		Leaf leaf = leafOf(n);
		int i = leaf.indexOf(n);
		if (i + 1 < leaf.count) {
			return leaf.node(i + 1);
		}
		return leaf.next == null ? null : leaf.next.node(0);
	}

	/** The node before {@code n}, or null when it is the first. */
	static @Nullable Node prev(Node n) {
		Leaf leaf = leafOf(n);
		int i = leaf.indexOf(n);
		if (i > 0) {
			return leaf.node(i - 1);
		}
		return leaf.prev == null ? null : leaf.prev.node(leaf.prev.count - 1);
	}

	void forEach(Consumer<Node> action) {
		for (Leaf leaf = head; leaf != null; leaf = leaf.next) {
			for (int i = 0; i < leaf.count; i++) {
				action.accept(leaf.node(i));
			}
		}
	}

	// The tree is only handed nodes that are in it, and a node's leaf is null only
	// before it is inserted and after it is removed (which ZSetValue.verify checks): on
	// every update, rank and step of a sorted set no check is added to prove it.
	@SuppressWarnings("NullAway")
	private static Leaf leafOf(Node n) {
		return n.leaf;
	}

	private void splitLeaf(Leaf leaf) {
		Leaf right = new Leaf(LEAF_SLOTS);
		pageBytes += leafBytes(LEAF_SLOTS);
		int keep = leaf.count / 2;
		int moved = leaf.count - keep;
		System.arraycopy(leaf.scores, keep, right.scores, 0, moved);
		System.arraycopy(leaf.nodes, keep, right.nodes, 0, moved);
		Arrays.fill(leaf.nodes, keep, leaf.count, null);
		leaf.count = keep;
		right.count = moved;
		for (int i = 0; i < moved; i++) {
			right.node(i).leaf = right;
		}
		right.prev = leaf;
		right.next = leaf.next;
		if (right.next == null) {
			tail = right;
		}
		else {
			right.next.prev = right;
		}
		leaf.next = right;
		addSibling(leaf, right, keep, moved, right.scores[0], right.node(0).key);
	}

	private void splitInner(Inner in) {
		Inner right = new Inner();
		pageBytes += INNER_BYTES;
		int keep = in.count / 2;
		int moved = in.count - keep;
		System.arraycopy(in.children, keep, right.children, 0, moved);
		System.arraycopy(in.sizes, keep, right.sizes, 0, moved);
		System.arraycopy(in.lowScores, keep, right.lowScores, 0, moved);
		System.arraycopy(in.lowMembers, keep, right.lowMembers, 0, moved);
		Arrays.fill(in.children, keep, in.count, null);
		Arrays.fill(in.lowMembers, keep, in.count, null);
		in.count = keep;
		right.count = moved;
		for (int i = 0; i < moved; i++) {
			right.child(i).parent = right;
		}
		addSibling(in, right, in.total(0, keep), right.total(0, moved), right.lowScores[0], right.lowMember(0));
	}

	/**
	 * Puts {@code right}, just split off {@code left}, beside it in their parent (a new
	 * root when left was the root). The sizes above the parent already count the member
	 * whose insertion caused the split.
	 */
	private void addSibling(Page left, Page right, int leftSize, int rightSize, double lowScore, byte[] lowMember) {
		Inner parent = left.parent;
		if (parent == null) {
			parent = new Inner();
			pageBytes += INNER_BYTES;
			parent.children[0] = left;
			parent.count = 1;
			left.parent = parent;
			root = parent;
		}
		int i = parent.indexOf(left);
		parent.insertChild(i + 1, right, lowScore, lowMember);
		parent.sizes[i] = leftSize;
		parent.sizes[i + 1] = rightSize;
		if (parent.count == INNER_SLOTS) {
			splitInner(parent);
		}
	}

	/**
	 * A non-root leaf fell below a quarter full: unlink it when empty, else merge it with
	 * a neighbour it fits with.
	 */
	private void rebalance(Leaf leaf, Inner parent) {
		int i = parent.indexOf(leaf);
		if (leaf.count == 0) {
			unlink(leaf);
			pageBytes -= leafBytes(leaf.nodes.length);
			removeChild(parent, i);
		}
		else if (i > 0 && ((Leaf) parent.child(i - 1)).count + leaf.count < LEAF_SLOTS) {
			merge((Leaf) parent.child(i - 1), leaf, parent, i);
		}
		else if (i + 1 < parent.count && leaf.count + ((Leaf) parent.child(i + 1)).count < LEAF_SLOTS) {
			merge(leaf, (Leaf) parent.child(i + 1), parent, i + 1);
		}
	}

	/**
	 * Moves the members of {@code right} (child {@code ri} of the parent) to the end of
	 * its left neighbour.
	 */
	private void merge(Leaf left, Leaf right, Inner parent, int ri) {
		int base = left.count;
		System.arraycopy(right.scores, 0, left.scores, base, right.count);
		System.arraycopy(right.nodes, 0, left.nodes, base, right.count);
		for (int k = 0; k < right.count; k++) {
			right.node(k).leaf = left;
		}
		left.count += right.count;
		parent.sizes[ri - 1] += parent.sizes[ri];
		unlink(right);
		pageBytes -= leafBytes(right.nodes.length);
		removeChild(parent, ri);
	}

	private void unlink(Leaf leaf) {
		// Only a leaf with a parent is unlinked, so it is never the only one: when it is
		// the head or the tail, its neighbour takes that place.
		if (leaf.prev == null) {
			head = Objects.requireNonNull(leaf.next, "the head leaf has a successor");
		}
		else {
			leaf.prev.next = leaf.next;
		}
		if (leaf.next == null) {
			tail = Objects.requireNonNull(leaf.prev, "the tail leaf has a predecessor");
		}
		else {
			leaf.next.prev = leaf.prev;
		}
	}

	/**
	 * Removes child i of {@code in} (emptied or merged away), then repairs {@code in} the
	 * same way.
	 */
	private void removeChild(Inner in, int i) {
		in.removeChild(i);
		Inner parent = in.parent;
		if (parent == null) {
			if (in.count == 1) {
				root = in.child(0);
				root.parent = null;
				pageBytes -= INNER_BYTES;
			}
			return;
		}
		int j = parent.indexOf(in);
		if (in.count == 0) {
			pageBytes -= INNER_BYTES;
			removeChild(parent, j);
		}
		else if (in.count < INNER_MIN) {
			if (j > 0 && parent.child(j - 1).count + in.count < INNER_SLOTS) {
				merge((Inner) parent.child(j - 1), in, parent, j);
			}
			else if (j + 1 < parent.count && in.count + parent.child(j + 1).count < INNER_SLOTS) {
				merge(in, (Inner) parent.child(j + 1), parent, j + 1);
			}
		}
	}

	private void merge(Inner left, Inner right, Inner parent, int ri) {
		int base = left.count;
		int n = right.count;
		System.arraycopy(right.children, 0, left.children, base, n);
		System.arraycopy(right.sizes, 0, left.sizes, base, n);
		System.arraycopy(right.lowScores, 0, left.lowScores, base, n);
		System.arraycopy(right.lowMembers, 0, left.lowMembers, base, n);
		// right's own first child had no bound inside right; its bound is right's bound
		// in the parent
		left.lowScores[base] = parent.lowScores[ri];
		left.lowMembers[base] = parent.lowMembers[ri];
		for (int k = 0; k < n; k++) {
			left.child(base + k).parent = left;
		}
		left.count += n;
		parent.sizes[ri - 1] += parent.sizes[ri];
		pageBytes -= INNER_BYTES;
		removeChild(parent, ri);
	}

	/**
	 * Checks every structural invariant (order, bounds, counts, parent and leaf links,
	 * uniform depth) and throws on the first violation. For tests: it walks the whole
	 * tree.
	 */
	void verify() {
		int[] leafDepth = { -1 };
		int counted = verify(root, null, null, 0, Double.NaN, null, leafDepth);
		if (counted != size) {
			throw new IllegalStateException("size " + size + " but " + counted + " members in the tree");
		}
		int linked = 0;
		Leaf prev = null;
		for (Leaf l = head; l != null; prev = l, l = l.next) {
			if (l.prev != prev) {
				throw new IllegalStateException("leaf prev link broken");
			}
			linked += l.count;
		}
		if (prev != tail || linked != size) {
			throw new IllegalStateException("leaf chain holds " + linked + " members of " + size);
		}
	}

	/**
	 * The heap of the pages, recomputed by walking them all (tests only), to check
	 * {@link #pageBytes}.
	 */
	long recountPages() {
		return recountPages(root);
	}

	private static long recountPages(Page p) {
		if (p instanceof Leaf leaf) {
			return leafBytes(leaf.nodes.length);
		}
		Inner in = (Inner) p;
		long total = INNER_BYTES;
		for (int i = 0; i < in.count; i++) {
			total += recountPages(in.child(i));
		}
		return total;
	}

	private int verify(Page p, @Nullable Inner parent, @Nullable Node @Nullable [] last, int depth, double lowScore,
			byte @Nullable [] lowMember, int[] leafDepth) {
		if (p.parent != parent) {
			throw new IllegalStateException("parent link broken at depth " + depth);
		}
		if (p != root && p.count == 0) {
			throw new IllegalStateException("empty page at depth " + depth);
		}
		if (p instanceof Leaf leaf) {
			if (leafDepth[0] < 0) {
				leafDepth[0] = depth;
			}
			else if (leafDepth[0] != depth) {
				throw new IllegalStateException("leaves at depths " + leafDepth[0] + " and " + depth);
			}
			@Nullable Node[] previous = last == null ? new Node[1] : last;
			for (int i = 0; i < leaf.count; i++) {
				Node n = leaf.node(i);
				if (n.leaf != leaf || leaf.scores[i] != n.score) {
					throw new IllegalStateException("node " + i + " out of sync with its leaf");
				}
				if (lowMember != null && compare(n.score, n.key, lowScore, lowMember) < 0) {
					throw new IllegalStateException("member below its page's lower bound");
				}
				Node before = previous[0];
				if (before != null && compare(before.score, before.key, n.score, n.key) >= 0) {
					throw new IllegalStateException("members out of order");
				}
				previous[0] = n;
			}
			return leaf.count;
		}
		Inner in = (Inner) p;
		@Nullable Node[] previous = last == null ? new Node[1] : last;
		int total = 0;
		for (int i = 0; i < in.count; i++) {
			Node before = previous[0];
			if (i > 0 && before != null && compare(before.score, before.key, in.lowScores[i], in.lowMember(i)) >= 0) {
				throw new IllegalStateException("member at or above the next child's lower bound");
			}
			int n = i == 0 ? verify(in.child(i), in, previous, depth + 1, lowScore, lowMember, leafDepth)
					: verify(in.child(i), in, previous, depth + 1, in.lowScores[i], in.lowMember(i), leafDepth);
			if (n != in.sizes[i]) {
				throw new IllegalStateException("child " + i + " holds " + n + " members, counted " + in.sizes[i]);
			}
			total += n;
		}
		return total;
	}

	static int compare(double s1, byte[] m1, double s2, byte[] m2) {
		return s1 < s2 ? -1 : s1 > s2 ? 1 : cmp(m1, m2);
	}

	static int cmp(byte[] a, byte[] b) {
		return Arrays.compareUnsigned(a, b);
	}

}
