package dev.larder.engine.keyspace;

import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A Redis sorted set, in Redis 7.0's two encodings. Order is (score, member bytes
 * unsigned).
 *
 * <p>
 * A set of up to 128 members of up to 64 bytes is a listpack ({@link ZSetListpack}): one
 * byte array of members and scores in order, where every operation is a linear scan, as
 * in Redis; it takes a quarter of the heap of the structure below. A listpack stores an
 * integral score as an integer, so it turns -0 into 0 while a skip list keeps -0; this
 * class does the same, which ZSCORE and friends show. The first member past either limit
 * converts the set, once and for good, as Redis does.
 *
 * <p>
 * The large encoding, which OBJECT ENCODING names {@code skiplist}: a {@link Dict} from
 * member to node for O(1) ZSCORE, plus the members in order in a counted B+ tree
 * ({@link ZSetTree}: rank, select-by-rank and range starts in O(log n), as Redis's skip
 * list with spans gives). A node is its own dict entry, so a member costs one object
 * besides its bytes and its slot in a leaf.
 *
 * <p>
 * Both encodings answer with {@link Node}s. A node of the tree is the member's own; a
 * node read from a listpack is a snapshot of the member and score with its position,
 * which the set uses for rank, neighbours and updates while it has not changed since, and
 * looks up again by member otherwise.
 *
 * <p>
 * ZUNIONSTORE and its relatives build their result in skip-list encoding and convert it
 * only when it is complete ({@link #inSkiplistEncoding()},
 * {@link #convertToListpackIfSmall()}), as Redis does.
 *
 * <p>
 * Its memory estimate is this object plus, for a listpack, that object and its array; for
 * the large encoding, the dict and its table, the tree and its pages, and a node plus the
 * member's bytes per member.
 */
public final class ZSetValue extends AccountedValue implements CollectionValue {

	public static final int MAX_LISTPACK_ENTRIES = 128;

	public static final int MAX_LISTPACK_VALUE = 64;

	private static final long SHELL = JvmLayout.instance(ZSetValue.class);

	/** The large encoding's dict and tree objects, their table and pages not included. */
	private static final long SKIPLIST_SHELL = Dict.SHELL + JvmLayout.instance(ZSetTree.class);

	private static final long NODE = JvmLayout.instance(Node.class);

	/** A member, its score, and (through {@link DictEntry}) its dict entry. */
	public static sealed class Node extends DictEntry permits PackedNode {

		double score;

		/**
		 * The leaf that holds this node; null before it joins the set and once it left,
		 * and always for a node read from a listpack.
		 */
		ZSetTree.@Nullable Leaf leaf;

		Node(byte[] member, int hash, double score) {
			super(member, hash, NO_VALUE);
			this.score = score;
		}

		public byte[] member() {
			return key;
		}

		public double score() {
			return score;
		}

		/**
		 * The next node in ascending order, or null. Only while the node's member is in
		 * its set.
		 */
		public @Nullable Node next() {
			return ZSetTree.next(this);
		}

		/** The previous node, or null. Only while the node's member is in its set. */
		public @Nullable Node prev() {
			return ZSetTree.prev(this);
		}

	}

	/**
	 * A member read from a listpack: where it was ({@code at}, {@code rank}) while the
	 * listpack is the set's and has not changed since ({@code mods}).
	 */
	private static final class PackedNode extends Node {

		private final ZSetValue set;

		private final ZSetListpack pack;

		private final int mods;

		private final int at;

		private final int rank;

		PackedNode(ZSetValue set, ZSetListpack pack, byte[] member, double score, int at, int rank) {
			super(member, 0, score);
			this.set = set;
			this.pack = pack;
			this.mods = pack.mods();
			this.at = at;
			this.rank = rank;
		}

		boolean current() {
			return set.pack == pack && pack.mods() == mods;
		}

		@Override
		public @Nullable Node next() {
			if (!current()) {
				return set.relocate(this).next();
			}
			int next = pack.next(at);
			return next < 0 ? null : set.packedNode(pack, next, rank + 1);
		}

		@Override
		public @Nullable Node prev() {
			if (!current()) {
				return set.relocate(this).prev();
			}
			int prev = pack.prev(at);
			return prev < 0 ? null : set.packedNode(pack, prev, rank - 1);
		}

	}

	/** The listpack encoding; null in the large encoding. */
	private @Nullable ZSetListpack pack;

	/** The large encoding's dict; null while the set is a listpack. */
	private @Nullable Dict<Node> dict;

	/** The large encoding's tree; null while the set is a listpack. */
	private @Nullable ZSetTree tree;

	/** Up to where it stays a listpack (CONFIG SET zset-max-listpack-*). */
	private final EncodingLimits limits;

	/** An empty set under Redis's default limits. */
	public ZSetValue() {
		this(EncodingLimits.DEFAULTS);
	}

	/**
	 * An empty set that stays a listpack within {@code limits}, as they are when it
	 * grows.
	 */
	public ZSetValue(EncodingLimits limits) {
		super(SHELL + ZSetListpack.SHELL);
		this.limits = limits;
		pack = new ZSetListpack();
	}

	private ZSetValue(long bytes, EncodingLimits limits) {
		super(bytes);
		this.limits = limits;
	}

	/**
	 * An empty set in skip-list encoding, as zsetTypeCreate makes one for a result known
	 * to be big, and as the union, intersection and difference commands build theirs: it
	 * keeps every score as given, -0 included.
	 */
	public static ZSetValue inSkiplistEncoding() {
		return inSkiplistEncoding(EncodingLimits.DEFAULTS);
	}

	/**
	 * {@link #inSkiplistEncoding()} for a set that may later be made compact within
	 * {@code limits}.
	 */
	public static ZSetValue inSkiplistEncoding(EncodingLimits limits) {
		ZSetValue z = new ZSetValue(SHELL + SKIPLIST_SHELL + ZSetTree.INITIAL_PAGE_BYTES, limits);
		z.dict = new Dict<>();
		z.tree = new ZSetTree();
		return z;
	}

	/**
	 * What zsetConvertToListpackIfNeeded does to a store command's complete result: back
	 * to listpack encoding when it is small enough, where its -0 scores become 0.
	 */
	public ZSetValue convertToListpackIfSmall() {
		if (pack != null || size() > limits.zsetMaxListpackEntries()
				|| longestMember() > limits.zsetMaxListpackValue()) {
			return this;
		}
		ZSetListpack p = new ZSetListpack();
		tree().forEach(n -> p.append(n.key, n.score));
		pack = p;
		dict = null;
		tree = null;
		resized(SHELL + p.heapBytes() - memoryUsage());
		return this;
	}

	private int longestMember() {
		int[] longest = { 0 };
		forEach(n -> longest[0] = Math.max(longest[0], n.key.length));
		return longest[0];
	}

	@Override
	public ValueType type() {
		return ValueType.ZSET;
	}

	@Override
	public <R> R accept(ValueVisitor<R> visitor) {
		return visitor.visitZSet(this);
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	public int size() {
		ZSetListpack p = pack;
		return p != null ? p.size() : dict().size();
	}

	public boolean isListpack() {
		return pack != null;
	}

	@Override
	public String encoding() {
		return pack != null ? "listpack" : "skiplist";
	}

	/** The member's node, or null when it is not in the set. */
	public @Nullable Node get(byte[] member) {
		ZSetListpack p = pack;
		if (p == null) {
			return dict().get(member, Bytes.hash(member));
		}
		long where = p.locate(member);
		if (where < 0) {
			return null;
		}
		int at = (int) where;
		return new PackedNode(this, p, member, p.score(at), at, (int) (where >>> 32));
	}

	/** The score of a member, or null. */
	public @Nullable Double score(byte[] member) {
		ZSetListpack p = pack;
		if (p == null) {
			Node n = dict().get(member, Bytes.hash(member));
			return n == null ? null : n.score;
		}
		long where = p.locate(member);
		return where < 0 ? null : p.score((int) where);
	}

	/** Adds a member known to be absent. */
	public void insert(byte[] member, double score) {
		ZSetListpack p = pack;
		if (p != null) {
			if (p.size() < limits.zsetMaxListpackEntries() && member.length <= limits.zsetMaxListpackValue()) {
				long before = p.heapBytes();
				p.insert(member, score);
				resized(p.heapBytes() - before);
				return;
			}
			convertToSkiplist(p);
		}
		Dict<Node> d = dict();
		ZSetTree t = tree();
		Node n = new Node(member, Bytes.hash(member), score);
		long structure = d.tableBytes() + t.pageBytes();
		t.insert(n);
		d.insert(n);
		resized(memberBytes(member) + d.tableBytes() + t.pageBytes() - structure);
	}

	/**
	 * zsetConvert to the skip-list encoding, as SORT does to the set it sorts: for good,
	 * whatever its size.
	 */
	public void convertToSkiplistEncoding() {
		ZSetListpack p = pack;
		if (p != null) {
			convertToSkiplist(p);
		}
	}

	/**
	 * Switches to the large encoding, for good, keeping every member and score (a
	 * listpack's 0 stays 0).
	 */
	private void convertToSkiplist(ZSetListpack p) {
		Dict<Node> d = new Dict<>();
		ZSetTree t = new ZSetTree();
		long members = 0;
		for (int at = p.first(); at >= 0; at = p.next(at)) {
			byte[] m = p.member(at);
			Node n = new Node(m, Bytes.hash(m), p.score(at));
			t.insert(n);
			d.insert(n);
			members += memberBytes(m);
		}
		pack = null;
		dict = d;
		tree = t;
		resized(SKIPLIST_SHELL + d.tableBytes() + t.pageBytes() + members - p.heapBytes());
	}

	private static long memberBytes(byte[] member) {
		return NODE + JvmLayout.byteArray(member.length);
	}

	/** Adds or updates; returns true if the member was new. */
	public boolean put(byte[] member, double score) {
		Node n = get(member);
		if (n == null) {
			insert(member, score);
			return true;
		}
		updateScore(n, score);
		return false;
	}

	public boolean remove(byte[] member) {
		ZSetListpack p = pack;
		if (p != null) {
			long where = p.locate(member);
			if (where < 0) {
				return false;
			}
			long before = p.heapBytes();
			p.removeAt((int) where);
			resized(p.heapBytes() - before);
			return true;
		}
		Dict<Node> d = dict();
		ZSetTree t = tree();
		long structure = d.tableBytes() + t.pageBytes();
		Node n = d.remove(member, Bytes.hash(member));
		if (n == null) {
			return false;
		}
		t.remove(n);
		resized(d.tableBytes() + t.pageBytes() - structure - memberBytes(member));
		return true;
	}

	/**
	 * Changes a member's score; a score equal to the old one (-0 for 0 included) changes
	 * nothing, as in Redis.
	 */
	public void updateScore(Node n, double newScore) {
		ZSetListpack p = pack;
		if (p != null) {
			PackedNode at = n instanceof PackedNode pn && pn.current() ? pn : (PackedNode) relocate(n);
			if (at.score == newScore) {
				return;
			}
			// What zsetAdd does to a listpack: delete the entry and insert it anew.
			long before = p.heapBytes();
			p.removeAt(at.at);
			p.insert(n.key, newScore);
			resized(p.heapBytes() - before);
			n.score = newScore == 0 ? 0.0 : newScore;
			return;
		}
		if (n instanceof PackedNode) {
			// read before the set converted: the member's node is the tree's now
			n = relocate(n);
		}
		if (n.score == newScore || tree().updateInPlace(n, newScore)) {
			return;
		}
		// Unlink and relink the same node (as zslUpdateScore reuses it): its dict entry
		// stays as it is, but the tree may split or merge pages on the way.
		ZSetTree t = tree();
		long pages = t.pageBytes();
		t.remove(n);
		n.score = newScore;
		t.insert(n);
		resized(t.pageBytes() - pages);
	}

	/**
	 * The set's current node for a node's member, which must still be in the set (a
	 * listpack node whose set has changed since it was read).
	 */
	private Node relocate(Node n) {
		Node current = get(n.key);
		if (current == null) {
			throw new IllegalStateException("the member is no longer in the sorted set");
		}
		return current;
	}

	/** The lowest member's node, or null when the set is empty. */
	public @Nullable Node first() {
		ZSetListpack p = pack;
		if (p == null) {
			return tree().first();
		}
		int at = p.first();
		return at < 0 ? null : packedNode(p, at, 0);
	}

	/** The highest member's node, or null when the set is empty. */
	public @Nullable Node last() {
		ZSetListpack p = pack;
		if (p == null) {
			return tree().last();
		}
		int at = p.last();
		return at < 0 ? null : packedNode(p, at, p.size() - 1);
	}

	/** 0-based rank of a member (a node of this set) in ascending order. */
	public long rank(Node n) {
		if (pack != null) {
			return (n instanceof PackedNode pn && pn.current() ? pn : (PackedNode) relocate(n)).rank;
		}
		return tree().rank(n instanceof PackedNode ? relocate(n) : n);
	}

	/** The node at a 0-based rank, or null. */
	public @Nullable Node byRank(long rank) {
		ZSetListpack p = pack;
		if (p == null) {
			return tree().byRank(rank);
		}
		if (rank < 0 || rank >= p.size()) {
			return null;
		}
		int at = p.first();
		for (int i = 0; i < rank; i++) {
			at = p.next(at);
		}
		return packedNode(p, at, (int) rank);
	}

	/**
	 * First node with score inside the lower bound (min, exclusive when minEx), or null.
	 */
	public @Nullable Node firstAtLeast(double min, boolean minEx) {
		if (pack != null) {
			return minEx ? firstScoreWhere(s -> s > min) : firstScoreWhere(s -> s >= min);
		}
		return minEx ? tree().firstWhere((s, m) -> s > min) : tree().firstWhere((s, m) -> s >= min);
	}

	/** Last node with score inside the upper bound, or null. */
	public @Nullable Node lastAtMost(double max, boolean maxEx) {
		if (pack != null) {
			return maxEx ? lastScoreWhere(s -> s < max) : lastScoreWhere(s -> s <= max);
		}
		return maxEx ? tree().lastWhere((s, m) -> s < max) : tree().lastWhere((s, m) -> s <= max);
	}

	/**
	 * First node whose member passes {@code inside}, which must fail for a prefix of the
	 * set and hold for the rest (a lex lower bound over a set whose scores are all equal,
	 * as ZRANGEBYLEX requires), or null.
	 */
	public @Nullable Node firstMemberWhere(Predicate<byte[]> inside) {
		if (pack != null) {
			Node n = first();
			while (n != null && !inside.test(n.key)) {
				n = n.next();
			}
			return n;
		}
		return tree().firstWhere((s, m) -> inside.test(m));
	}

	/**
	 * Last node whose member passes {@code inside}, which must hold for a prefix of the
	 * set, or null.
	 */
	public @Nullable Node lastMemberWhere(Predicate<byte[]> inside) {
		if (pack != null) {
			Node n = last();
			while (n != null && !inside.test(n.key)) {
				n = n.prev();
			}
			return n;
		}
		return tree().lastWhere((s, m) -> inside.test(m));
	}

	/** A listpack's first node, from the lowest, whose score passes, or null. */
	private @Nullable Node firstScoreWhere(DoublePredicate inside) {
		ZSetListpack p = listpack();
		int rank = 0;
		for (int at = p.first(); at >= 0; at = p.next(at), rank++) {
			if (inside.test(p.score(at))) {
				return packedNode(p, at, rank);
			}
		}
		return null;
	}

	/** A listpack's last node, from the highest, whose score passes, or null. */
	private @Nullable Node lastScoreWhere(DoublePredicate inside) {
		ZSetListpack p = listpack();
		int rank = p.size() - 1;
		for (int at = p.last(); at >= 0; at = p.prev(at), rank--) {
			if (inside.test(p.score(at))) {
				return packedNode(p, at, rank);
			}
		}
		return null;
	}

	private PackedNode packedNode(ZSetListpack p, int at, int rank) {
		return new PackedNode(this, p, p.member(at), p.score(at), at, rank);
	}

	/** Visits every member in ascending order. */
	public void forEach(Consumer<Node> action) {
		ZSetListpack p = pack;
		if (p == null) {
			tree().forEach(action);
			return;
		}
		int rank = 0;
		for (int at = p.first(); at >= 0; at = p.next(at)) {
			action.accept(packedNode(p, at, rank++));
		}
	}

	/**
	 * One ZSCAN step over the large encoding; a listpack is visited whole, in one step.
	 */
	public long scan(long cursor, Consumer<Node> visitor) {
		if (pack != null) {
			forEach(visitor);
			return 0;
		}
		return dict().scan(cursor, visitor);
	}

	/** A random member's node: the set must not be empty (a stored set never is). */
	public Node random(RandomGenerator rnd) {
		ZSetListpack p = pack;
		Node n = p == null ? dict().random(rnd) : p.size() == 0 ? null : byRank(rnd.nextInt(p.size()));
		if (n == null) {
			throw new NoSuchElementException("empty sorted set");
		}
		return n;
	}

	@Override
	public ZSetValue deepCopy() {
		ZSetListpack p = pack;
		if (p != null) {
			ZSetValue copy = new ZSetValue(memoryUsage(), limits);
			copy.pack = p.copy();
			return copy;
		}
		ZSetValue copy = inSkiplistEncoding(limits);
		forEach(n -> copy.insert(n.key, n.score));
		return copy;
	}

	@Override
	long recount() {
		ZSetListpack p = pack;
		if (p != null) {
			return SHELL + p.heapBytes();
		}
		long[] total = { SHELL + SKIPLIST_SHELL + dict().tableBytes() + tree().recountPages() };
		dict().forEach(n -> total[0] += memberBytes(n.key));
		return total[0];
	}

	/**
	 * Checks the encoding's invariants: the listpack's entries, or the tree's and that it
	 * holds exactly the dict's members (tests only: walks everything).
	 */
	void verify() {
		ZSetListpack p = pack;
		if (p != null) {
			p.verify();
			return;
		}
		Dict<Node> d = dict();
		ZSetTree t = tree();
		t.verify();
		if (t.size() != d.size()) {
			throw new IllegalStateException("tree holds " + t.size() + " members, dict " + d.size());
		}
		d.forEach(n -> {
			if (n.leaf == null) {
				throw new IllegalStateException("member in the dict but not in the tree");
			}
		});
	}

	// The encoding is either the listpack or the dict and tree, never both or neither:
	// every method asks pack first, so the large encoding's accessors add no check.
	@SuppressWarnings("NullAway")
	private Dict<Node> dict() {
		return dict;
	}

	@SuppressWarnings("NullAway")
	private ZSetTree tree() {
		return tree;
	}

	@SuppressWarnings("NullAway")
	private ZSetListpack listpack() {
		return pack;
	}

}
