package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every value type against the operations that must handle all of them. The per-type
 * parts of this test are switch expressions over {@link ValueType} and
 * {@link ValueVisitor}s, so a new type does not compile here either until it has a
 * sample, an encoding and a way to be read and changed.
 */
class ValuesTest {

	/** A small value of each type. */
	static Object sample(ValueType type) {
		return switch (type) {
			case STRING -> bytes("hello");
			case LIST -> {
				ListValue l = new ListValue();
				l.addLast(bytes("a"));
				l.addLast(bytes("b"));
				yield l;
			}
			case SET -> {
				SetValue s = new SetValue();
				s.add(bytes("1"));
				s.add(bytes("2"));
				yield s;
			}
			case ZSET -> {
				ZSetValue z = new ZSetValue();
				z.insert(bytes("m"), 1.5);
				z.insert(bytes("n"), -2);
				yield z;
			}
			case HASH -> {
				HashValue h = new HashValue();
				h.put(bytes("f"), bytes("v"));
				h.put(bytes("g"), bytes("w"));
				yield h;
			}
			case STREAM -> {
				StreamValue st = new StreamValue();
				st.append(new StreamId(1, 0), new byte[][] { bytes("f"), bytes("v") }, EncodingLimits.DEFAULTS);
				st.createGroup(bytes("g"), StreamId.MIN, 0);
				yield st;
			}
		};
	}

	/** The contents of a value, as text. */
	private static final ValueVisitor<List<String>> CONTENTS = new ValueVisitor<>() {

		@Override
		public List<String> visitString(byte[] value) {
			return List.of(text(value));
		}

		@Override
		public List<String> visitList(ListValue list) {
			List<String> out = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				out.add(text(list.get(i)));
			}
			return out;
		}

		@Override
		public List<String> visitSet(SetValue set) {
			return set.members().stream().map(ValuesTest::text).toList();
		}

		@Override
		public List<String> visitZSet(ZSetValue zset) {
			List<String> out = new ArrayList<>();
			zset.forEach(n -> out.add(text(n.member()) + "=" + n.score()));
			return out;
		}

		@Override
		public List<String> visitHash(HashValue hash) {
			return hash.flatten().stream().map(ValuesTest::text).toList();
		}

		@Override
		public List<String> visitStream(StreamValue stream) {
			List<String> out = new ArrayList<>();
			stream.entries().forEach((id, fv) -> {
				out.add(id.toString());
				for (byte[] b : fv) {
					out.add(text(b));
				}
			});
			stream.groups().values().forEach(g -> out.add("group " + text(g.name()) + " " + g.lastId()));
			return out;
		}

	};

	/** Changes a value in place (false for strings, which are never changed in place). */
	private static final ValueVisitor<Boolean> CHANGE = new ValueVisitor<>() {

		@Override
		public Boolean visitString(byte[] value) {
			return false;
		}

		@Override
		public Boolean visitList(ListValue list) {
			list.set(0, bytes("changed"));
			list.addLast(bytes("added"));
			return true;
		}

		@Override
		public Boolean visitSet(SetValue set) {
			set.remove(bytes("1"));
			set.add(bytes("3"));
			return true;
		}

		@Override
		public Boolean visitZSet(ZSetValue zset) {
			zset.updateScore(zset.get(bytes("m")), 7);
			zset.insert(bytes("o"), 0);
			return true;
		}

		@Override
		public Boolean visitHash(HashValue hash) {
			hash.put(bytes("f"), bytes("changed"));
			hash.put(bytes("added"), bytes("x"));
			return true;
		}

		@Override
		public Boolean visitStream(StreamValue stream) {
			stream.append(new StreamId(2, 0), new byte[][] { bytes("f"), bytes("w") }, EncodingLimits.DEFAULTS);
			stream.group(bytes("g")).createConsumer(bytes("c"), 0);
			return true;
		}

	};

	@ParameterizedTest
	@EnumSource(ValueType.class)
	void everyTypeHasAValueThatReportsIt(ValueType type) {
		assertThat(ValueType.of(sample(type))).isEqualTo(type);
	}

	@Test
	void everyValueClassIsOneType() {
		Set<Class<?>> classes = Arrays.stream(ValueType.values())
			.map(t -> sample(t).getClass())
			.collect(Collectors.toSet());
		assertThat(classes).hasSize(ValueType.values().length).contains(byte[].class);
		assertThat(classes).containsAll(Arrays.asList(CollectionValue.class.getPermittedSubclasses()));
	}

	@ParameterizedTest
	@EnumSource(ValueType.class)
	void everyTypeHasAnEncoding(ValueType type) {
		String expected = switch (type) {
			case STRING -> "embstr";
			case LIST -> "quicklist";
			case SET -> "intset";
			case ZSET, HASH -> "listpack";
			case STREAM -> "stream";
		};
		assertThat(Values.encoding(sample(type))).isEqualTo(expected);
	}

	@Test
	void stringEncodingsFollowRedisLimits() {
		assertThat(Values.encoding(bytes("12345"))).isEqualTo("int");
		assertThat(Values.encoding(bytes("-9223372036854775808"))).isEqualTo("int");
		assertThat(Values.encoding(bytes("99999999999999999999"))).isEqualTo("embstr");
		assertThat(Values.encoding(bytes("007"))).isEqualTo("embstr");
		assertThat(Values.encoding(bytes("x".repeat(44)))).isEqualTo("embstr");
		assertThat(Values.encoding(bytes("x".repeat(45)))).isEqualTo("raw");
	}

	@Test
	void collectionEncodingsSwitchAtRedisLimits() {
		HashValue manyFields = new HashValue();
		SetValue manyInts = new SetValue();
		ZSetValue manyMembers = new ZSetValue();
		for (int i = 0; i < 128; i++) {
			manyMembers.insert(bytes("m" + i), i);
		}
		for (int i = 0; i < 512; i++) {
			manyFields.put(bytes("f" + i), bytes("v"));
			manyInts.add(bytes(Integer.toString(i)));
		}
		assertThat(List.of(manyFields.encoding(), manyInts.encoding(), manyMembers.encoding()))
			.containsExactly("listpack", "intset", "listpack");
		manyFields.put(bytes("f512"), bytes("v"));
		manyInts.add(bytes("512"));
		manyMembers.insert(bytes("m128"), 128);
		assertThat(List.of(manyFields.encoding(), manyInts.encoding(), manyMembers.encoding()))
			.containsExactly("hashtable", "hashtable", "skiplist");

		HashValue longValue = new HashValue();
		longValue.put(bytes("f"), bytes("x".repeat(64)));
		assertThat(longValue.encoding()).isEqualTo("listpack");
		longValue.put(bytes("g"), bytes("x".repeat(65)));
		assertThat(longValue.encoding()).isEqualTo("hashtable");
		ZSetValue longMember = new ZSetValue();
		longMember.insert(bytes("x".repeat(64)), 1);
		assertThat(longMember.encoding()).isEqualTo("listpack");
		longMember.insert(bytes("x".repeat(65)), 1);
		assertThat(longMember.encoding()).isEqualTo("skiplist");
		SetValue word = new SetValue();
		word.add(bytes("word"));
		assertThat(word.encoding()).isEqualTo("hashtable");
	}

	@ParameterizedTest
	@EnumSource(ValueType.class)
	void deepCopiesAreIndependent(ValueType type) {
		Object original = sample(type);
		List<String> before = Values.accept(original, CONTENTS);
		Object copy = Values.deepCopy(original);
		assertThat(ValueType.of(copy)).isEqualTo(type);
		assertThat(Values.encoding(copy)).isEqualTo(Values.encoding(original));
		assertThat(Values.accept(copy, CONTENTS)).isEqualTo(before);

		if (!Values.accept(copy, CHANGE)) {
			assertThat(type).isEqualTo(ValueType.STRING);
			assertThat(copy).as("strings are never changed in place, so copies share them").isSameAs(original);
			return;
		}
		List<String> changedCopy = Values.accept(copy, CONTENTS);
		assertThat(changedCopy).isNotEqualTo(before);
		assertThat(Values.accept(original, CONTENTS)).isEqualTo(before);
		Values.accept(original, CHANGE);
		assertThat(Values.accept(copy, CONTENTS)).isEqualTo(changedCopy);
	}

	@Test
	void deepCopiesKeepTheEncodingOfConvertedValues() {
		SetValue words = new SetValue();
		words.add(bytes("word"));
		ZSetValue skiplist = ZSetValue.inSkiplistEncoding();
		skiplist.insert(bytes("m"), -0.0);
		HashValue shrunk = new HashValue();
		shrunk.put(bytes("f"), bytes("x".repeat(65)));
		shrunk.put(bytes("f"), bytes("short"));
		assertThat(Values.encoding(Values.deepCopy(words))).isEqualTo("hashtable");
		assertThat(Values.encoding(Values.deepCopy(shrunk))).isEqualTo("hashtable");
		assertThat(Values.accept(Values.deepCopy(shrunk), CONTENTS)).isEqualTo(Values.accept(shrunk, CONTENTS));
		Object copy = Values.deepCopy(skiplist);
		assertThat(Values.encoding(copy)).isEqualTo("skiplist");
		assertThat(Values.accept(copy, CONTENTS)).containsExactly("m=-0.0");
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}

}
