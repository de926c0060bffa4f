package dev.larder.engine.keyspace;

import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A Redis sorted set: a {@link Dict} from member to node for O(1) ZSCORE, plus the
 * members in order in a counted B+ tree ({@link ZSetTree}: rank, select-by-rank and range
 * starts in O(log n), as Redis's skip list with spans gives). A node is its own dict
 * entry, so a member costs one object besides its bytes and its slot in a leaf. Order is
 * (score, member bytes unsigned).
 *
 * <p>
 * Redis 7.0 keeps sets of up to 128 members of up to 64 bytes as a listpack; this class
 * always uses the tree but reports {@code listpack} while the set is within those limits
 * (switching to {@code skiplist} once, for good, as Redis converts), so OBJECT ENCODING
 * and ZSCAN's one-shot reply match. A listpack stores an integral score as an integer, so
 * it turns -0 into 0 while a skip list keeps -0; this class does the same, which ZSCORE
 * and friends show.
 *
 * <p>
 * ZUNIONSTORE and its relatives build their result in skip-list encoding and convert it
 * only when it is complete ({@link #inSkiplistEncoding()},
 * {@link #convertToListpackIfSmall()}), as Redis does.
 *
 * <p>
 * Its memory estimate, the same in both encodings since the structure is, is this object,
 * the dict and its table, the tree and its pages, and a node plus the member's bytes per
 * member.
 */
public final class ZSetValue extends AccountedValue implements CollectionValue {

	public static final int MAX_LISTPACK_ENTRIES = 128;

	public static final int MAX_LISTPACK_VALUE = 64;

	private static final long SHELL = JvmLayout.instance(ZSetValue.class) + Dict.SHELL
			+ JvmLayout.instance(ZSetTree.class);

	private static final long NODE = JvmLayout.instance(Node.class);

	/** A member, its score, and (through {@link DictEntry}) its dict entry. */
	public static final class Node extends DictEntry {

		double score;

		/**
		 * The leaf that holds this node; null before it joins the set and once it left.
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
		 * The next node in ascending order, or null. Only while the node is in its set.
		 */
		public @Nullable Node next() {
			return ZSetTree.next(this);
		}

		/** The previous node, or null. Only while the node is in its set. */
		public @Nullable Node prev() {
			return ZSetTree.prev(this);
		}

	}

	private final Dict<Node> dict = new Dict<>();

	private final ZSetTree tree = new ZSetTree();

	private boolean listpack = true;

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
		super(SHELL + ZSetTree.INITIAL_PAGE_BYTES);
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
		ZSetValue z = new ZSetValue(limits);
		z.listpack = false;
		return z;
	}

	/**
	 * What zsetConvertToListpackIfNeeded does to a store command's complete result: back
	 * to listpack encoding when it is small enough, where its -0 scores become 0.
	 */
	public ZSetValue convertToListpackIfSmall() {
		if (listpack || size() > limits.zsetMaxListpackEntries() || longestMember() > limits.zsetMaxListpackValue()) {
			return this;
		}
		listpack = true;
		forEach(n -> {
			if (n.score == 0) {
				tree.replaceWithEqual(n, 0.0);
			}
		});
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
		return dict.isEmpty();
	}

	public int size() {
		return dict.size();
	}

	public boolean isListpack() {
		return listpack;
	}

	@Override
	public String encoding() {
		return listpack ? "listpack" : "skiplist";
	}

	/** The member's node, or null when it is not in the set. */
	public @Nullable Node get(byte[] member) {
		return dict.get(member, Bytes.hash(member));
	}

	/** The score of a member, or null. */
	public @Nullable Double score(byte[] member) {
		Node n = get(member);
		return n == null ? null : n.score;
	}

	/** Adds a member known to be absent. */
	public void insert(byte[] member, double score) {
		if (listpack
				&& (dict.size() >= limits.zsetMaxListpackEntries() || member.length > limits.zsetMaxListpackValue())) {
			listpack = false;
		}
		Node n = new Node(member, Bytes.hash(member), listpack && score == 0 ? 0.0 : score);
		long structure = structureBytes();
		tree.insert(n);
		dict.insert(n);
		resized(memberBytes(member) + structureBytes() - structure);
	}

	/** The dict's table and the tree's pages: what adding or removing may resize. */
	private long structureBytes() {
		return dict.tableBytes() + tree.pageBytes();
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
		long structure = structureBytes();
		Node n = dict.remove(member, Bytes.hash(member));
		if (n == null) {
			return false;
		}
		tree.remove(n);
		resized(structureBytes() - structure - memberBytes(member));
		return true;
	}

	/**
	 * Changes a member's score; a score equal to the old one (-0 for 0 included) changes
	 * nothing, as in Redis.
	 */
	public void updateScore(Node n, double newScore) {
		if (listpack && newScore == 0) {
			newScore = 0.0;
		}
		if (n.score == newScore || tree.updateInPlace(n, newScore)) {
			return;
		}
		// Unlink and relink the same node (as zslUpdateScore reuses it): its dict entry
		// stays as it is, but the tree may split or merge pages on the way.
		long pages = tree.pageBytes();
		tree.remove(n);
		n.score = newScore;
		tree.insert(n);
		resized(tree.pageBytes() - pages);
	}

	/** The lowest member's node, or null when the set is empty. */
	public @Nullable Node first() {
		return tree.first();
	}

	/** The highest member's node, or null when the set is empty. */
	public @Nullable Node last() {
		return tree.last();
	}

	/** 0-based rank of a member (a node of this set) in ascending order. */
	public long rank(Node n) {
		return tree.rank(n);
	}

	/** The node at a 0-based rank, or null. */
	public @Nullable Node byRank(long rank) {
		return tree.byRank(rank);
	}

	/**
	 * First node with score inside the lower bound (min, exclusive when minEx), or null.
	 */
	public @Nullable Node firstAtLeast(double min, boolean minEx) {
		return minEx ? tree.firstWhere((s, m) -> s > min) : tree.firstWhere((s, m) -> s >= min);
	}

	/** Last node with score inside the upper bound, or null. */
	public @Nullable Node lastAtMost(double max, boolean maxEx) {
		return maxEx ? tree.lastWhere((s, m) -> s < max) : tree.lastWhere((s, m) -> s <= max);
	}

	/**
	 * First node whose member passes {@code inside}, which must fail for a prefix of the
	 * set and hold for the rest (a lex lower bound over a set whose scores are all equal,
	 * as ZRANGEBYLEX requires), or null.
	 */
	public @Nullable Node firstMemberWhere(Predicate<byte[]> inside) {
		return tree.firstWhere((s, m) -> inside.test(m));
	}

	/**
	 * Last node whose member passes {@code inside}, which must hold for a prefix of the
	 * set, or null.
	 */
	public @Nullable Node lastMemberWhere(Predicate<byte[]> inside) {
		return tree.lastWhere((s, m) -> inside.test(m));
	}

	public void forEach(Consumer<Node> action) {
		tree.forEach(action);
	}

	public long scan(long cursor, Consumer<Node> visitor) {
		return dict.scan(cursor, visitor);
	}

	/** A random member's node: the set must not be empty (a stored set never is). */
	public Node random(RandomGenerator rnd) {
		Node n = dict.random(rnd);
		if (n == null) {
			throw new NoSuchElementException("empty sorted set");
		}
		return n;
	}

	@Override
	public ZSetValue deepCopy() {
		ZSetValue copy = new ZSetValue(limits);
		copy.listpack = listpack;
		forEach(n -> copy.insert(n.key, n.score));
		// zsetDup keeps the encoding, even where limits lowered since would convert
		copy.listpack = listpack;
		return copy;
	}

	@Override
	long recount() {
		long[] total = { SHELL + dict.tableBytes() + tree.recountPages() };
		dict.forEach(n -> total[0] += memberBytes(n.key));
		return total[0];
	}

	/**
	 * Checks the tree's invariants and that it holds exactly the dict's members (tests
	 * only: walks everything).
	 */
	void verify() {
		tree.verify();
		if (tree.size() != dict.size()) {
			throw new IllegalStateException("tree holds " + tree.size() + " members, dict " + dict.size());
		}
		dict.forEach(n -> {
			if (n.leaf == null) {
				throw new IllegalStateException("member in the dict but not in the tree");
			}
		});
	}

}
