package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.keyspace.ValueType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TYPE, OBJECT ENCODING and COPY answer for a key of every value type. The commands per
 * type come from a switch expression over {@link ValueType}, so a new type does not
 * compile here until it has them.
 */
class ValueTypeCommandsTest extends EngineTestSupport {

	/** How to make, read and change a small key of one type, and its encoding. */
	record Recipe(String[] create, String[] read, String[] change, String encoding) {
	}

	static Recipe recipe(ValueType type) {
		return switch (type) {
			case STRING -> new Recipe(cmd("SET k 42"), cmd("GET k"), cmd("APPEND k2 0"), "int");
			case LIST -> new Recipe(cmd("RPUSH k a b"), cmd("LRANGE k 0 -1"), cmd("LSET k2 0 z"), "quicklist");
			case SET -> new Recipe(cmd("SADD k 1 2"), cmd("SMEMBERS k"), cmd("SADD k2 3"), "intset");
			case ZSET ->
				new Recipe(cmd("ZADD k 1 a 2 b"), cmd("ZRANGE k 0 -1 WITHSCORES"), cmd("ZINCRBY k2 5 a"), "listpack");
			case HASH -> new Recipe(cmd("HSET k f v"), cmd("HGETALL k"), cmd("HSET k2 f w"), "listpack");
			case STREAM -> new Recipe(cmd("XADD k 1-1 f v"), cmd("XRANGE k - +"), cmd("XADD k2 2-1 f w"), "stream");
		};
	}

	@ParameterizedTest
	@EnumSource(ValueType.class)
	void typeEncodingAndCopyAnswerForEveryType(ValueType type) {
		Recipe r = recipe(type);
		run(r.create());
		Reply contents = run(r.read());
		expect(new Reply.SimpleString(type.typeName()), "TYPE", "k");
		expect(bulk(r.encoding()), "OBJECT", "ENCODING", "k");

		expect(integer(1), "COPY", "k", "k2");
		expect(new Reply.SimpleString(type.typeName()), "TYPE", "k2");
		expect(bulk(r.encoding()), "OBJECT", "ENCODING", "k2");
		String[] readCopy = r.read().clone();
		readCopy[1] = "k2";
		expect(contents, readCopy);

		assertThat(run(r.change()).isError()).isFalse();
		assertThat(run(readCopy)).isNotEqualTo(contents);
		expect(contents, r.read());
	}

	private static String[] cmd(String line) {
		return line.split(" ");
	}

}
