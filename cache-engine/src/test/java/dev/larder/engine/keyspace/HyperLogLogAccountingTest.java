package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * HyperLogLogs are strings replaced whole by each PF command that changes them: the
 * running memory totals follow them as they grow sparse and turn dense (12,304 bytes),
 * never drifting from a recount, and a COPY is not changed by a later PFADD to its source
 * (the stored array is never written in place).
 */
class HyperLogLogAccountingTest {

	private final EngineCore core = new EngineCore(EngineConfig.builder().activeExpiry(false).shards(4).build());

	private final CommandExecutor executor = new CommandExecutor(core);

	private final ClientSession session = core.newEmbeddedSession();

	private final Keyspace keyspace = core.keyspace();

	@Test
	void totalsFollowHyperLogLogsAsTheyGrowAndConvert() {
		SplittableRandom rnd = new SplittableRandom(7);
		for (int i = 1; i <= 3_000; i++) {
			String key = "h" + rnd.nextInt(6);
			switch (rnd.nextInt(6)) {
				case 0, 1, 2 -> run("PFADD", key, "e" + rnd.nextInt(100_000), "e" + rnd.nextInt(100_000));
				case 3 -> run("PFCOUNT", key);
				case 4 -> run("PFMERGE", key, "h" + rnd.nextInt(6), "h" + rnd.nextInt(6));
				default -> run("PFDEBUG", "TODENSE", key);
			}
			if (i % 100 == 0) {
				assertThat(keyspace.recountUsedBytes()).as("after %d commands", i).isEqualTo(keyspace.usedBytes());
			}
		}
		run("PFADD", "sparse", "a");
		run("PFADD", "dense", "a");
		run("PFDEBUG", "TODENSE", "dense");
		assertThat(valueBytes("dense")).isEqualTo(JvmLayout.byteArray(12_304));
		assertThat(valueBytes("sparse")).isLessThan(JvmLayout.byteArray(64));
		run("FLUSHALL");
		assertThat(keyspace.usedBytes()).isZero();
	}

	@Test
	void aCopyKeepsItsBytesWhenTheSourceChanges() {
		run("PFADD", "src", "a");
		run("COPY", "src", "copy");
		byte[] before = value("copy").clone();
		run("PFADD", "src", "b", "c", "d");
		run("PFCOUNT", "src");
		run("PFDEBUG", "TODENSE", "src");
		assertThat(value("copy")).isEqualTo(before);
		assertThat(run("PFCOUNT", "copy")).isEqualTo(Reply.integer(1));
	}

	private long valueBytes(String key) {
		return JvmLayout.byteArray(value(key).length);
	}

	private byte[] value(String key) {
		byte[] k = key.getBytes(StandardCharsets.UTF_8);
		Shard shard = keyspace.shard(keyspace.shardIndex(k));
		shard.lock();
		try {
			return Objects.requireNonNull(keyspace.db(0).lookupNoTouch(k)).asString();
		}
		finally {
			shard.unlock();
		}
	}

	private Reply run(String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return executor.execute(session, bytes);
	}

}
