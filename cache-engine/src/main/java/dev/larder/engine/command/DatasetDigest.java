package dev.larder.engine.command;

import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.HashValue;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.ListValue;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.StreamId;
import dev.larder.engine.keyspace.StreamValue;
import dev.larder.engine.keyspace.Shard;
import dev.larder.engine.keyspace.ValueType;
import dev.larder.engine.keyspace.ValueVisitor;
import dev.larder.engine.keyspace.Values;
import dev.larder.engine.keyspace.ZSetValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DEBUG DIGEST and DIGEST-VALUE: a port of Redis 7.0's xorDigest, mixDigest,
 * xorObjectDigest and computeDatasetDigest (src/debug.c, BSD-licensed, Copyright (c)
 * 2009-2020 Salvatore Sanfilippo and Redis Labs), so that the same dataset has the same
 * digest here as in redis-server. Unordered collections (the keys of a database, set
 * members, hash fields, sorted set members) xor their elements' SHA1s together (an
 * element made of parts is first chained into a digest of its own, whose SHA1 is xored
 * in); ordered ones (lists, and the parts of one entry) chain them, digest = SHA1(digest
 * xor SHA1(data)). Sorted set scores enter as C's {@code %.17g}; a key with a time to
 * live adds "!!expire!!". Keys that have expired but are still stored count, as in Redis,
 * which iterates its dicts without looking keys up.
 */
final class DatasetDigest {

	private static final byte[] EXPIRE = "!!expire!!".getBytes(StandardCharsets.US_ASCII);

	private final MessageDigest sha1;

	private DatasetDigest() {
		try {
			this.sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			// every Java platform must provide SHA-1 (MessageDigest's contract)
			throw new IllegalStateException(e);
		}
	}

	/**
	 * computeDatasetDigest: every non-empty database mixes in its number, then xors in
	 * each key's digest. Each shard is read under its lock, as KEYS does.
	 */
	static byte[] dataset(Keyspace ks) {
		DatasetDigest d = new DatasetDigest();
		byte[] result = new byte[20];
		for (int j = 0; j < ks.databaseCount(); j++) {
			Database db = ks.db(j);
			byte[] dbDigest = new byte[20];
			boolean[] any = { false };
			for (int s = 0; s < ks.shardCount(); s++) {
				Shard shard = ks.shard(s);
				shard.lock();
				try {
					db.forEach(s, e -> {
						any[0] = true;
						byte[] digest = new byte[20];
						d.mix(digest, e.key());
						d.xorObject(digest, e);
						d.xor(dbDigest, digest);
					});
				}
				finally {
					shard.unlock();
				}
			}
			if (any[0]) {
				// the order is Redis's: the database number first, then the keys' xor
				d.mix(result, new byte[] { (byte) (j >>> 24), (byte) (j >>> 16), (byte) (j >>> 8), (byte) j });
				xorInto(result, dbDigest);
			}
		}
		return result;
	}

	/**
	 * DIGEST-VALUE's digest of one key's value (without its name), all zeros for a
	 * missing key; the caller holds the key's shard lock.
	 */
	static byte[] value(@Nullable KeyEntry e) {
		byte[] digest = new byte[20];
		if (e != null) {
			new DatasetDigest().xorObject(digest, e);
		}
		return digest;
	}

	static String hex(byte[] digest) {
		StringBuilder sb = new StringBuilder(40);
		for (byte b : digest) {
			sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		}
		return sb.toString();
	}

	/** xorObjectDigest: the type, the value, and the expire marker. */
	private void xorObject(byte[] digest, KeyEntry e) {
		Object value = e.value();
		ValueType valueType = ValueType.of(value);
		// Redis's type codes: OBJ_STRING 0 .. OBJ_HASH 4, OBJ_MODULE 5, OBJ_STREAM 6
		int type = valueType == ValueType.STREAM ? 6 : valueType.ordinal();
		mix(digest, new byte[] { 0, 0, 0, (byte) type });
		Values.accept(value, new ValueVisitor<Boolean>() {
			@Override
			public Boolean visitString(byte[] s) {
				mix(digest, s);
				return true;
			}

			@Override
			public Boolean visitList(ListValue list) {
				for (int i = 0; i < list.size(); i++) {
					mix(digest, list.get(i));
				}
				return true;
			}

			@Override
			public Boolean visitSet(SetValue set) {
				for (byte[] member : set.members()) {
					xor(digest, member);
				}
				return true;
			}

			@Override
			public Boolean visitZSet(ZSetValue zset) {
				for (ZSetValue.Node n = zset.first(); n != null; n = n.next()) {
					byte[] element = new byte[20];
					mix(element, n.member());
					mix(element, Scores.format(n.score()).getBytes(StandardCharsets.US_ASCII));
					xor(digest, element);
				}
				return true;
			}

			@Override
			public Boolean visitHash(HashValue hash) {
				List<byte[]> flat = hash.flatten();
				for (int i = 0; i < flat.size(); i += 2) {
					byte[] element = new byte[20];
					mix(element, flat.get(i));
					mix(element, flat.get(i + 1));
					xor(digest, element);
				}
				return true;
			}

			@Override
			public Boolean visitStream(StreamValue stream) {
				// entries in order: "<ms>.<seq>", then each field and value (consumer
				// groups are not digested in 7.0)
				for (Map.Entry<StreamId, byte[][]> entry : stream.entries().entrySet()) {
					StreamId id = entry.getKey();
					mix(digest, (Long.toUnsignedString(id.ms()) + "." + Long.toUnsignedString(id.seq()))
						.getBytes(StandardCharsets.US_ASCII));
					for (byte[] part : entry.getValue()) {
						mix(digest, part);
					}
				}
				return true;
			}
		});
		if (e.hasExpiry()) {
			xor(digest, EXPIRE);
		}
	}

	/** xorDigest: digest ^= SHA1(data). */
	private void xor(byte[] digest, byte[] data) {
		xorInto(digest, sha1.digest(data));
	}

	/** mixDigest: digest = SHA1(digest ^ SHA1(data)). */
	private void mix(byte[] digest, byte[] data) {
		xor(digest, data);
		System.arraycopy(sha1.digest(digest), 0, digest, 0, 20);
	}

	private static void xorInto(byte[] digest, byte[] other) {
		for (int i = 0; i < 20; i++) {
			digest[i] ^= other[i];
		}
	}

}
