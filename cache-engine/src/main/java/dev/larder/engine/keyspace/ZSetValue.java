package dev.larder.engine.keyspace;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A Redis sorted set: Redis's skip list (t_zset.c's zskiplist, with spans, so rank and range by rank are
 * O(log n)) plus a {@link Dict} from member to node for O(1) ZSCORE. A node is its own dict entry, so a member
 * costs one object besides its bytes and level arrays. Order is (score, member bytes unsigned).
 *
 * <p>Redis 7.0 keeps sets of up to 128 members of up to 64 bytes as a listpack; this class always uses the
 * skip list but reports {@code listpack} while the set is within those limits (switching to
 * {@code skiplist} once, for good, as Redis converts), so OBJECT ENCODING and ZSCAN's one-shot reply match.
 */
public final class ZSetValue implements CollectionValue {

    public static final int MAX_LISTPACK_ENTRIES = 128;
    public static final int MAX_LISTPACK_VALUE = 64;
    static final int MAX_LEVEL = 32;
    private static final double P = 0.25;

    /**
     * A skip-list node and, through {@link DictEntry}, the dict entry of its member. The first
     * {@link #INLINE_LEVELS} levels' forward pointers and spans are fields of the node itself (99.6% of nodes
     * have no more levels), so a walk step loads one object, the next node, instead of the node's forward array
     * and then the next node: the skip list's walks are cache-miss bound, this halves the misses (Redis's
     * zskiplistNode keeps its levels inline for the same reason). Higher levels live in {@code up}.
     */
    public static final class Node extends DictEntry {
        static final int INLINE_LEVELS = 4;

        double score;
        Node backward;
        private Node f0;
        private Node f1;
        private Node f2;
        private Node f3;
        private int s0;
        private int s1;
        private int s2;
        private int s3;
        /** Levels from INLINE_LEVELS up, or null. */
        private final Node[] fUp;
        private final int[] sUp;
        final int level;

        Node(byte[] member, int hash, double score, int level) {
            super(member, hash, null);
            this.score = score;
            this.level = level;
            this.fUp = level > INLINE_LEVELS ? new Node[level - INLINE_LEVELS] : null;
            this.sUp = level > INLINE_LEVELS ? new int[level - INLINE_LEVELS] : null;
        }

        Node fwd(int i) {
            return switch (i) {
                case 0 -> f0;
                case 1 -> f1;
                case 2 -> f2;
                case 3 -> f3;
                default -> fUp[i - INLINE_LEVELS];
            };
        }

        void fwd(int i, Node n) {
            switch (i) {
                case 0 -> f0 = n;
                case 1 -> f1 = n;
                case 2 -> f2 = n;
                case 3 -> f3 = n;
                default -> fUp[i - INLINE_LEVELS] = n;
            }
        }

        int span(int i) {
            return switch (i) {
                case 0 -> s0;
                case 1 -> s1;
                case 2 -> s2;
                case 3 -> s3;
                default -> sUp[i - INLINE_LEVELS];
            };
        }

        void span(int i, int v) {
            switch (i) {
                case 0 -> s0 = v;
                case 1 -> s1 = v;
                case 2 -> s2 = v;
                case 3 -> s3 = v;
                default -> sUp[i - INLINE_LEVELS] = v;
            }
        }

        public byte[] member() {
            return key;
        }

        public double score() {
            return score;
        }

        /** The next node in ascending order, or null. */
        public Node next() {
            return f0;
        }

        /** The previous node, or null. */
        public Node prev() {
            return backward;
        }
    }

    private final Dict<Node> dict = new Dict<>();
    private final Node header = new Node(null, 0, 0, MAX_LEVEL);
    private Node tail;
    private int level = 1;
    private boolean listpack = true;

    @Override
    public ValueType type() {
        return ValueType.ZSET;
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

    public String encoding() {
        return listpack ? "listpack" : "skiplist";
    }

    public Node get(byte[] member) {
        return dict.get(member, Bytes.hash(member));
    }

    /** The score of a member, or null. */
    public Double score(byte[] member) {
        Node n = get(member);
        return n == null ? null : n.score;
    }

    /** Adds a member known to be absent. */
    public void insert(byte[] member, double score) {
        if (listpack && (dict.size() >= MAX_LISTPACK_ENTRIES || member.length > MAX_LISTPACK_VALUE)) {
            listpack = false;
        }
        Node n = slInsert(score, member, Bytes.hash(member));
        dict.insert(n);
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
        Node n = dict.remove(member, Bytes.hash(member));
        if (n == null) {
            return false;
        }
        slDelete(n);
        return true;
    }

    public void updateScore(Node n, double newScore) {
        if (n.score == newScore) {
            return;
        }
        // Stays in place when the neighbours still bracket it (zslUpdateScore's fast path).
        Node next = n.fwd(0);
        if ((n.backward == null || n.backward.score < newScore
                || n.backward.score == newScore && cmp(n.backward.key, n.key) < 0)
                && (next == null || next.score > newScore || next.score == newScore && cmp(next.key, n.key) > 0)) {
            n.score = newScore;
            return;
        }
        // Unlink and relink the same node (as zslUpdateScore reuses it): its dict entry stays as it is.
        slDelete(n);
        n.score = newScore;
        link(n);
    }

    public Node first() {
        return header.fwd(0);
    }

    public Node last() {
        return tail;
    }

    /** 0-based rank of a member in ascending order, or -1. */
    public long rank(Node n) {
        Node x = header;
        long rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && (x.fwd(i).score < n.score
                    || x.fwd(i).score == n.score && cmp(x.fwd(i).key, n.key) <= 0)) {
                rank += x.span(i);
                x = x.fwd(i);
            }
            if (x == n) {
                return rank - 1;
            }
        }
        return -1;
    }

    /** The node at a 0-based rank, or null. */
    public Node byRank(long rank) {
        long target = rank + 1;
        long traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && traversed + x.span(i) <= target) {
                traversed += x.span(i);
                x = x.fwd(i);
            }
            if (traversed == target) {
                return x;
            }
        }
        return null;
    }

    /** First node with score inside the lower bound (min, exclusive when minEx), or null. */
    public Node firstAtLeast(double min, boolean minEx) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && (minEx ? x.fwd(i).score <= min : x.fwd(i).score < min)) {
                x = x.fwd(i);
            }
        }
        return x.fwd(0);
    }

    /** Last node with score inside the upper bound, or null. */
    public Node lastAtMost(double max, boolean maxEx) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && (maxEx ? x.fwd(i).score < max : x.fwd(i).score <= max)) {
                x = x.fwd(i);
            }
        }
        return x == header ? null : x;
    }

    /** First node whose member is inside the lex lower bound (null min means "-"), or null. */
    public Node firstLexAtLeast(byte[] min, boolean minEx) {
        Node x = header;
        if (min != null) {
            for (int i = level - 1; i >= 0; i--) {
                while (x.fwd(i) != null && (minEx ? cmp(x.fwd(i).key, min) <= 0
                        : cmp(x.fwd(i).key, min) < 0)) {
                    x = x.fwd(i);
                }
            }
        }
        return x.fwd(0);
    }

    /** Last node whose member is inside the lex upper bound (null max means "+"), or null. */
    public Node lastLexAtMost(byte[] max, boolean maxEx) {
        if (max == null) {
            return tail;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && (maxEx ? cmp(x.fwd(i).key, max) < 0
                    : cmp(x.fwd(i).key, max) <= 0)) {
                x = x.fwd(i);
            }
        }
        return x == header ? null : x;
    }

    /**
     * The last node reached by walking the levels forward while {@code stay} holds for the next node (the
     * skip-list walk behind zslFirstInLexRange and friends), or null when it never moved.
     */
    public Node walkWhile(java.util.function.Predicate<Node> stay) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && stay.test(x.fwd(i))) {
                x = x.fwd(i);
            }
        }
        return x == header ? null : x;
    }

    public void forEach(Consumer<Node> action) {
        for (Node x = header.fwd(0); x != null; x = x.fwd(0)) {
            action.accept(x);
        }
    }

    public long scan(long cursor, Consumer<Node> visitor) {
        return dict.scan(cursor, visitor);
    }

    public Node random(RandomGenerator rnd) {
        return dict.random(rnd);
    }

    @Override
    public ZSetValue deepCopy() {
        ZSetValue copy = new ZSetValue();
        forEach(n -> copy.insert(n.key, n.score));
        copy.listpack = listpack;
        return copy;
    }

    static int cmp(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static int randomLevel() {
        int lvl = 1;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (lvl < MAX_LEVEL && rnd.nextDouble() < P) {
            lvl++;
        }
        return lvl;
    }

    private Node slInsert(double score, byte[] member, int hash) {
        Node n = new Node(member, hash, score, randomLevel());
        link(n);
        return n;
    }

    /** Links a node (its score and member set, its level fixed) into the list: zslInsert's walk. */
    private void link(Node n) {
        double score = n.score;
        byte[] member = n.key;
        Node[] update = new Node[MAX_LEVEL];
        long[] rank = new long[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            long r = i == level - 1 ? 0 : rank[i + 1];
            for (Node f = x.fwd(i); f != null && (f.score < score || f.score == score && cmp(f.key, member) < 0);
                    f = x.fwd(i)) {
                r += x.span(i);
                x = f;
            }
            rank[i] = r;
            update[i] = x;
        }
        int lvl = n.level;
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                update[i].span(i, dict.size());
            }
            level = lvl;
        }
        for (int i = 0; i < lvl; i++) {
            n.fwd(i, update[i].fwd(i));
            update[i].fwd(i, n);
            n.span(i, update[i].span(i) - (int) (rank[0] - rank[i]));
            update[i].span(i, (int) (rank[0] - rank[i]) + 1);
        }
        for (int i = lvl; i < level; i++) {
            update[i].span(i, update[i].span(i) + 1);
        }
        n.backward = update[0] == header ? null : update[0];
        if (n.fwd(0) != null) {
            n.fwd(0).backward = n;
        } else {
            tail = n;
        }
    }

    private void slDelete(Node n) {
        Node[] update = new Node[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node f = x.fwd(i); f != null && f != n && (f.score < n.score
                    || f.score == n.score && cmp(f.key, n.key) < 0); f = x.fwd(i)) {
                x = f;
            }
            update[i] = x;
        }
        for (int i = 0; i < level; i++) {
            if (update[i].fwd(i) == n) {
                update[i].span(i, update[i].span(i) + n.span(i) - 1);
                update[i].fwd(i, n.fwd(i));
            } else {
                update[i].span(i, update[i].span(i) - 1);
            }
        }
        if (n.fwd(0) != null) {
            n.fwd(0).backward = n.backward;
        } else {
            tail = n.backward;
        }
        while (level > 1 && header.fwd(level - 1) == null) {
            level--;
        }
    }
}
