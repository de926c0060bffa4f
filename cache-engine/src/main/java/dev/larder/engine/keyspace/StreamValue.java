package dev.larder.engine.keyspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A Redis stream (t_stream.c, BSD-licensed, whose semantics this class ports): entries in
 * ID order, the stream's counters (last ID, entries added, max deleted ID, recorded first
 * ID) and its consumer groups.
 *
 * <p>
 * Entries live in one sorted map; beside it the class models how Redis groups them into
 * listpack nodes of the radix tree ({@link Node}: the master ID, the last ID appended,
 * live and deleted counts and an estimate of the listpack's bytes), because approximate
 * trimming ({@code MAXLEN ~}, {@code MINID ~}) only removes whole nodes and XINFO reports
 * their number. A node is full, and the next entry starts a new one, as streamAppendItem
 * decides: at stream-node-max-entries entries (deleted ones included) or when the
 * listpack's bytes plus the new entry's fields and values reach stream-node-max-bytes.
 */
public final class StreamValue extends AccountedValue implements CollectionValue {

	/** SCG_INVALID_ENTRIES_READ. */
	public static final long INVALID_ENTRIES_READ = -1;

	private static final long MAP_ENTRY = 40;

	private static final long TREE_MAP = 48;

	private static final long SHELL = JvmLayout.instance(StreamValue.class) + 3 * TREE_MAP;

	private static final long ID_BYTES = JvmLayout.instance(StreamId.class);

	private static final long NODE_BYTES = MAP_ENTRY + JvmLayout.instance(Node.class);

	private static final long GROUP_BYTES = MAP_ENTRY + JvmLayout.instance(Group.class) + 2 * TREE_MAP;

	private static final long CONSUMER_BYTES = MAP_ENTRY + JvmLayout.instance(Consumer.class) + TREE_MAP;

	private static final long NACK_BYTES = 2 * MAP_ENTRY + JvmLayout.instance(Nack.class) + ID_BYTES;

	/** One listpack of Redis's radix tree, as far as trimming and XINFO see it. */
	static final class Node {

		final StreamId master;

		final byte[][] masterFields;

		StreamId last;

		long live;

		long deleted;

		/** The listpack's bytes, less the two counters at its head. */
		long bodyBytes;

		Node(StreamId master, byte[][] masterFields) {
			this.master = master;
			this.masterFields = masterFields;
			this.last = master;
		}

		long lpBytes() {
			return bodyBytes + Listpacks.intSize(live) + Listpacks.intSize(deleted);
		}

	}

	/** A pending entry of a group (streamNACK). */
	public static final class Nack {

		long deliveryTime;

		long deliveryCount;

		Consumer consumer;

		Nack(Consumer consumer, long deliveryTime, long deliveryCount) {
			this.consumer = consumer;
			this.deliveryTime = deliveryTime;
			this.deliveryCount = deliveryCount;
		}

		public long deliveryTime() {
			return deliveryTime;
		}

		public long deliveryCount() {
			return deliveryCount;
		}

		public void deliveryTime(long time) {
			this.deliveryTime = time;
		}

		public void deliveryCount(long count) {
			this.deliveryCount = count;
		}

		public Consumer consumer() {
			return consumer;
		}

	}

	/** A consumer of a group (streamConsumer). */
	public static final class Consumer {

		final byte[] name;

		long seenTime;

		final TreeMap<StreamId, Nack> pel = new TreeMap<>();

		Consumer(byte[] name, long seenTime) {
			this.name = name;
			this.seenTime = seenTime;
		}

		public byte[] name() {
			return name;
		}

		public long seenTime() {
			return seenTime;
		}

		public void seen(long now) {
			this.seenTime = now;
		}

		public NavigableMap<StreamId, Nack> pel() {
			return pel;
		}

	}

	/** A consumer group (streamCG). */
	public final class Group {

		final byte[] name;

		StreamId lastId;

		long entriesRead;

		final TreeMap<StreamId, Nack> pel = new TreeMap<>();

		final TreeMap<byte[], Consumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

		Group(byte[] name, StreamId lastId, long entriesRead) {
			this.name = name;
			this.lastId = lastId;
			this.entriesRead = entriesRead;
		}

		public byte[] name() {
			return name;
		}

		public StreamId lastId() {
			return lastId;
		}

		public long entriesRead() {
			return entriesRead;
		}

		public void lastId(StreamId id) {
			this.lastId = id;
		}

		public void entriesRead(long n) {
			this.entriesRead = n;
		}

		public NavigableMap<StreamId, Nack> pel() {
			return pel;
		}

		public NavigableMap<byte[], Consumer> consumers() {
			return consumers;
		}

		public @Nullable Consumer consumer(byte[] consumerName) {
			return consumers.get(consumerName);
		}

		/** streamCreateConsumer: null when it exists already. */
		public @Nullable Consumer createConsumer(byte[] consumerName, long now) {
			if (consumers.containsKey(consumerName)) {
				return null;
			}
			Consumer c = new Consumer(consumerName, now);
			consumers.put(consumerName, c);
			resized(CONSUMER_BYTES + JvmLayout.byteArray(consumerName.length));
			return c;
		}

		/** streamDelConsumer: its pending entries leave the group's PEL too. */
		public void deleteConsumer(Consumer c) {
			for (StreamId id : c.pel.keySet()) {
				pel.remove(id);
				resized(-NACK_BYTES);
			}
			consumers.remove(c.name);
			resized(-CONSUMER_BYTES - JvmLayout.byteArray(c.name.length));
		}

		/** Adds a new pending entry owned by {@code c}. */
		public Nack addPending(StreamId id, Consumer c, long now, long deliveryCount) {
			Nack n = new Nack(c, now, deliveryCount);
			pel.put(id, n);
			c.pel.put(id, n);
			resized(NACK_BYTES);
			return n;
		}

		/** Removes a pending entry from the group and its consumer. */
		public void removePending(StreamId id, Nack n) {
			pel.remove(id);
			n.consumer.pel.remove(id);
			resized(-NACK_BYTES);
		}

		/** Moves a pending entry to another consumer. */
		public void transfer(StreamId id, Nack n, Consumer to) {
			n.consumer.pel.remove(id);
			n.consumer = to;
			to.pel.put(id, n);
		}

	}

	private final TreeMap<StreamId, byte[][]> entries = new TreeMap<>();

	private final TreeMap<StreamId, Node> nodes = new TreeMap<>();

	private final TreeMap<byte[], Group> groups = new TreeMap<>(Arrays::compareUnsigned);

	private StreamId lastId = StreamId.MIN;

	private StreamId firstId = StreamId.MIN;

	private StreamId maxDeletedId = StreamId.MIN;

	private long entriesAdded;

	public StreamValue() {
		super(SHELL);
	}

	@Override
	public ValueType type() {
		return ValueType.STREAM;
	}

	@Override
	public <R> R accept(ValueVisitor<R> visitor) {
		return visitor.visitStream(this);
	}

	/**
	 * Never: an empty stream is a valid value that stays under its key (XDEL and XTRIM
	 * keep it, as Redis does).
	 */
	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public String encoding() {
		return "stream";
	}

	public long length() {
		return entries.size();
	}

	public StreamId lastId() {
		return lastId;
	}

	public StreamId firstId() {
		return firstId;
	}

	public StreamId maxDeletedId() {
		return maxDeletedId;
	}

	public long entriesAdded() {
		return entriesAdded;
	}

	/** Radix-tree keys: the number of listpack nodes. */
	public int nodeCount() {
		return nodes.size();
	}

	public NavigableMap<StreamId, byte[][]> entries() {
		return java.util.Collections.unmodifiableNavigableMap(entries);
	}

	public NavigableMap<byte[], Group> groups() {
		return groups;
	}

	public @Nullable Group group(byte[] name) {
		return groups.get(name);
	}

	/** streamCreateCG: null when a group of that name exists. */
	public @Nullable Group createGroup(byte[] name, StreamId id, long entriesRead) {
		if (groups.containsKey(name)) {
			return null;
		}
		Group g = new Group(name, id, entriesRead);
		groups.put(name, g);
		resized(GROUP_BYTES + JvmLayout.byteArray(name.length));
		return g;
	}

	public void destroyGroup(Group g) {
		long freed = GROUP_BYTES + JvmLayout.byteArray(g.name.length) + g.pel.size() * NACK_BYTES;
		for (Consumer c : g.consumers.values()) {
			freed += CONSUMER_BYTES + JvmLayout.byteArray(c.name.length);
		}
		groups.remove(g.name);
		resized(-freed);
	}

	/** XSETID's updates. */
	public void setIds(StreamId last, long added, StreamId maxDeleted) {
		lastId = last;
		entriesAdded = added;
		maxDeletedId = maxDeleted;
	}

	/**
	 * streamAppendItem with an ID already checked to be greater than the last one.
	 * {@code fieldsAndValues} alternate, and are kept (not copied).
	 */
	public void append(StreamId id, byte[][] fieldsAndValues, EncodingLimits limits) {
		int numFields = fieldsAndValues.length / 2;
		Map.Entry<StreamId, Node> tail = nodes.lastEntry();
		Node node = tail == null ? null : tail.getValue();
		if (node != null) {
			long maxBytes = limits.streamNodeMaxBytes();
			if (maxBytes == 0 || maxBytes > (1L << 30)) {
				maxBytes = 1L << 30;
			}
			long total = 0;
			for (byte[] b : fieldsAndValues) {
				total += b.length;
			}
			long maxEntries = limits.streamNodeMaxEntries();
			if (node.lpBytes() + total >= maxBytes) {
				node = null;
			}
			else if (maxEntries != 0 && node.live + node.deleted >= maxEntries) {
				node = null;
			}
		}
		boolean sameFields;
		if (node == null) {
			byte[][] masterFields = new byte[numFields][];
			long body = 7 + Listpacks.intSize(numFields) + Listpacks.intSize(0);
			for (int i = 0; i < numFields; i++) {
				masterFields[i] = fieldsAndValues[2 * i];
				body += Listpacks.size(masterFields[i]);
			}
			node = new Node(id, masterFields);
			node.bodyBytes = body;
			nodes.put(id, node);
			resized(NODE_BYTES + ID_BYTES);
			sameFields = true;
		}
		else {
			sameFields = numFields == node.masterFields.length;
			for (int i = 0; sameFields && i < numFields; i++) {
				sameFields = Arrays.equals(node.masterFields[i], fieldsAndValues[2 * i]);
			}
		}
		long body = Listpacks.intSize(sameFields ? 2 : 0) + Listpacks.intSize(id.ms() - node.master.ms())
				+ Listpacks.intSize(id.seq() - node.master.seq());
		if (!sameFields) {
			body += Listpacks.intSize(numFields);
		}
		for (int i = 0; i < numFields; i++) {
			if (!sameFields) {
				body += Listpacks.size(fieldsAndValues[2 * i]);
			}
			body += Listpacks.size(fieldsAndValues[2 * i + 1]);
		}
		body += Listpacks.intSize(numFields + 3 + (sameFields ? 0 : numFields + 1));
		node.bodyBytes += body;
		node.live++;
		node.last = id;
		entries.put(id, fieldsAndValues);
		resized(entryBytes(fieldsAndValues));
		entriesAdded++;
		lastId = id;
		if (entries.size() == 1) {
			firstId = id;
		}
	}

	private static long entryBytes(byte[][] fieldsAndValues) {
		long b = MAP_ENTRY + ID_BYTES + JvmLayout.referenceArray(fieldsAndValues.length);
		for (byte[] x : fieldsAndValues) {
			b += JvmLayout.byteArray(x.length);
		}
		return b;
	}

	/** Deletes one entry (XDEL): true when it existed. */
	public boolean delete(StreamId id) {
		byte[][] fv = entries.remove(id);
		if (fv == null) {
			return false;
		}
		resized(-entryBytes(fv));
		Map.Entry<StreamId, Node> ne = nodes.floorEntry(id);
		Node node = ne.getValue();
		node.live--;
		node.deleted++;
		if (node.live == 0) {
			nodes.remove(node.master);
			resized(-NODE_BYTES - ID_BYTES);
		}
		if (maxDeletedId.compareTo(id) < 0) {
			maxDeletedId = id;
		}
		if (id.equals(firstId)) {
			firstId = entries.isEmpty() ? StreamId.MIN : entries.firstKey();
		}
		return true;
	}

	/**
	 * streamTrim. {@code maxLen} is used when {@code minId} is null; {@code limit} 0
	 * means no limit. Returns the entries removed.
	 */
	public long trim(long maxLen, @Nullable StreamId minId, boolean approx, long limit) {
		long deleted = 0;
		Iterator<Map.Entry<StreamId, Node>> it = nodes.entrySet().iterator();
		while (it.hasNext()) {
			if (minId == null && entries.size() <= maxLen) {
				break;
			}
			Node node = it.next().getValue();
			long live = node.live;
			if (limit != 0 && deleted + live > limit) {
				break;
			}
			boolean removeNode = minId == null ? entries.size() - live >= maxLen : node.last.compareTo(minId) < 0;
			if (removeNode) {
				NavigableMap<StreamId, byte[][]> in = entries.subMap(node.master, true, node.last, true);
				for (byte[][] fv : in.values()) {
					resized(-entryBytes(fv));
				}
				in.clear();
				it.remove();
				resized(-NODE_BYTES - ID_BYTES);
				deleted += live;
				continue;
			}
			if (approx) {
				break;
			}
			Iterator<Map.Entry<StreamId, byte[][]>> ei = entries.subMap(node.master, true, node.last, true)
				.entrySet()
				.iterator();
			while (ei.hasNext()) {
				Map.Entry<StreamId, byte[][]> e = ei.next();
				boolean stop = minId == null ? entries.size() <= maxLen : e.getKey().compareTo(minId) >= 0;
				if (stop) {
					break;
				}
				resized(-entryBytes(e.getValue()));
				ei.remove();
				node.live--;
				node.deleted++;
				deleted++;
			}
			break;
		}
		firstId = entries.isEmpty() ? StreamId.MIN : entries.firstKey();
		return deleted;
	}

	/** streamRangeHasTombstones with no end. */
	public boolean hasTombstonesFrom(StreamId start) {
		if (entries.isEmpty() || maxDeletedId.isZero()) {
			return false;
		}
		if (firstId.compareTo(maxDeletedId) > 0) {
			return false;
		}
		return start.compareTo(maxDeletedId) <= 0;
	}

	/** streamEstimateDistanceFromFirstEverEntry. */
	public long estimateDistanceFromFirstEverEntry(StreamId id) {
		if (entriesAdded == 0) {
			return 0;
		}
		if (entries.isEmpty() && id.compareTo(lastId) < 1) {
			return entriesAdded;
		}
		int cmpLast = id.compareTo(lastId);
		if (cmpLast == 0) {
			return entriesAdded;
		}
		else if (cmpLast > 0) {
			return INVALID_ENTRIES_READ;
		}
		int cmpIdFirst = id.compareTo(firstId);
		int cmpXdelFirst = maxDeletedId.compareTo(firstId);
		if (maxDeletedId.isZero() || cmpXdelFirst < 0) {
			if (cmpIdFirst < 0) {
				return entriesAdded - entries.size();
			}
			else if (cmpIdFirst == 0) {
				return entriesAdded - entries.size() + 1;
			}
		}
		return INVALID_ENTRIES_READ;
	}

	@Override
	public StreamValue deepCopy() {
		StreamValue copy = new StreamValue();
		copy.entries.putAll(entries);
		for (Node n : nodes.values()) {
			Node c = new Node(n.master, n.masterFields);
			c.last = n.last;
			c.live = n.live;
			c.deleted = n.deleted;
			c.bodyBytes = n.bodyBytes;
			copy.nodes.put(c.master, c);
		}
		copy.lastId = lastId;
		copy.firstId = firstId;
		copy.maxDeletedId = maxDeletedId;
		copy.entriesAdded = entriesAdded;
		for (Group g : groups.values()) {
			Group cg = copy.new Group(g.name, g.lastId, g.entriesRead);
			copy.groups.put(g.name, cg);
			for (Consumer c : g.consumers.values()) {
				Consumer cc = new Consumer(c.name, c.seenTime);
				cg.consumers.put(c.name, cc);
			}
			for (Map.Entry<StreamId, Nack> e : g.pel.entrySet()) {
				Nack n = e.getValue();
				Consumer cc = java.util.Objects.requireNonNull(cg.consumers.get(n.consumer.name));
				Nack cn = new Nack(cc, n.deliveryTime, n.deliveryCount);
				cg.pel.put(e.getKey(), cn);
				cc.pel.put(e.getKey(), cn);
			}
		}
		copy.resized(memoryUsage() - SHELL);
		return copy;
	}

	@Override
	long recount() {
		long total = SHELL;
		for (byte[][] fv : entries.values()) {
			total += entryBytes(fv);
		}
		total += nodes.size() * (NODE_BYTES + ID_BYTES);
		for (Group g : groups.values()) {
			total += GROUP_BYTES + JvmLayout.byteArray(g.name.length) + g.pel.size() * NACK_BYTES;
			for (Consumer c : g.consumers.values()) {
				total += CONSUMER_BYTES + JvmLayout.byteArray(c.name.length);
			}
		}
		return total;
	}

	/** A snapshot of the nodes' masters, for tests and XINFO. */
	List<StreamId> nodeMasters() {
		return new ArrayList<>(nodes.keySet());
	}

}
