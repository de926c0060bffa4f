package dev.larder.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.eviction.EvictionSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONFIG SET reaches the engine's live settings, and CONFIG GET reads them back, whoever
 * changed them: the maxmemory group on {@link EngineCore#eviction()}, and the other
 * settings the engine owns.
 */
class ConfigBindingTest {

	private EngineCore core;

	private CommandExecutor executor;

	@BeforeEach
	void start() {
		core = new EngineCore(EngineConfig.builder().shards(4).activeExpiry(false).build());
		executor = new CommandExecutor(core);
	}

	private Reply run(String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return executor.execute(core.newEmbeddedSession(), bytes);
	}

	private String get(String name) {
		Reply.MapReply reply = (Reply.MapReply) run("CONFIG", "GET", name);
		return new String(((Reply.BulkString) reply.keysAndValues().get(1)).value(), StandardCharsets.ISO_8859_1);
	}

	@Test
	void maxmemoryGroupSetsTheLiveEvictionSettings() {
		EvictionSettings eviction = core.eviction();
		assertThat(
				run("CONFIG", "SET", "maxmemory", "100mb", "maxmemory-policy", "ALLKEYS-TINYLFU", "maxmemory-samples",
						"10", "maxmemory-eviction-tenacity", "50", "lfu-log-factor", "5", "lfu-decay-time", "3"))
			.isEqualTo(Reply.OK);
		assertThat(eviction.maxmemory()).isEqualTo(100L * 1024 * 1024);
		assertThat(eviction.policy()).isEqualTo(EvictionPolicy.ALLKEYS_TINYLFU);
		assertThat(eviction.samples()).isEqualTo(10);
		assertThat(eviction.tenacity()).isEqualTo(50);
		assertThat(eviction.lfuLogFactor()).isEqualTo(5);
		assertThat(eviction.lfuDecayTime()).isEqualTo(3);
		assertThat(get("maxmemory")).isEqualTo("104857600");
		assertThat(get("maxmemory-policy")).isEqualTo("allkeys-tinylfu");
	}

	@Test
	void everyPolicyIsSettableByItsConfigName() {
		for (EvictionPolicy policy : EvictionPolicy.values()) {
			assertThat(run("CONFIG", "SET", "maxmemory-policy", policy.configName())).isEqualTo(Reply.OK);
			assertThat(core.eviction().policy()).isEqualTo(policy);
			assertThat(get("maxmemory-policy")).isEqualTo(policy.configName());
		}
	}

	@Test
	void getReadsWhatTheSettingsHoldWhoeverSetThem() {
		core.eviction().maxmemory(12345);
		core.eviction().policy(EvictionPolicy.VOLATILE_TTL);
		core.eviction().samples(64);
		assertThat(get("maxmemory")).isEqualTo("12345");
		assertThat(get("maxmemory-policy")).isEqualTo("volatile-ttl");
		assertThat(get("maxmemory-samples")).isEqualTo("64");
	}

	@Test
	void maxmemoryPastLongMaxValueIsNoBudgetAndReadsBackAsSet() {
		assertThat(run("CONFIG", "SET", "maxmemory", "18446744073709551615")).isEqualTo(Reply.OK);
		assertThat(core.eviction().maxmemory()).isEqualTo(Long.MAX_VALUE);
		assertThat(get("maxmemory")).isEqualTo("18446744073709551615");
		core.eviction().maxmemory(1024);
		assertThat(get("maxmemory")).isEqualTo("1024");
	}

	@Test
	void aRefusedPairLeavesEverySettingAsItWas() {
		Reply reply = run("CONFIG", "SET", "maxmemory", "1mb", "maxmemory-policy", "allkeys-lru", "maxmemory-samples",
				"65");
		assertThat(reply).isEqualTo(Reply.error("ERR CONFIG SET failed (possibly related to argument "
				+ "'maxmemory-samples') - argument must be between 1 and 64 inclusive"));
		assertThat(core.eviction().maxmemory()).isZero();
		assertThat(core.eviction().policy()).isEqualTo(EvictionPolicy.NOEVICTION);
		assertThat(core.eviction().samples()).isEqualTo(5);
	}

	@Test
	void theEnginesOtherSettingsAreLive() {
		assertThat(run("CONFIG", "SET", "hz", "0", "busy-reply-threshold", "250", "proto-max-bulk-len", "2mb",
				"client-query-buffer-limit", "3mb"))
			.isEqualTo(Reply.OK);
		assertThat(core.hz()).isEqualTo(1); // clamped as updateHZ does
		assertThat(core.scripting().timeLimitMillis()).isEqualTo(250);
		assertThat(get("lua-time-limit")).isEqualTo("250");
		assertThat(core.protoMaxBulkLen()).isEqualTo(2L * 1024 * 1024);
		assertThat(core.clientQueryBufferLimit()).isEqualTo(3L * 1024 * 1024);
		assertThat(run("CONFIG", "SET", "hz", "100000")).isEqualTo(Reply.OK);
		assertThat(core.hz()).isEqualTo(500);
	}

	@Test
	void requirepassGuardsNewConnections() {
		assertThat(run("CONFIG", "SET", "requirepass", "s3cret")).isEqualTo(Reply.OK);
		assertThat(core.requirePass()).isEqualTo("s3cret");
		assertThat(core.newSession("client", "server").authenticated()).isFalse();
		assertThat(run("CONFIG", "SET", "requirepass", "")).isEqualTo(Reply.OK);
		assertThat(core.requirePass()).isNull();
	}

	@Test
	void resetStatZeroesTheCountersButNotTheConnectedClients() {
		run("GET", "missing");
		run("INCR", "x");
		run("INCR", "x");
		run("SET", "x", "y");
		run("INCR", "x");
		core.stats().connectedClients.incrementAndGet();
		assertThat(core.stats().keyspaceMisses.sum()).isPositive();
		assertThat(core.stats().errorReplies.sum()).isPositive();
		assertThat(run("CONFIG", "RESETSTAT")).isEqualTo(Reply.OK);
		for (var counter : List.of(core.stats().keyspaceMisses, core.stats().keyspaceHits, core.stats().errorReplies,
				core.stats().expiredKeys, core.stats().evictedKeys, core.stats().connectionsReceived,
				core.stats().rejectedConnections)) {
			assertThat(counter.sum()).isZero();
		}
		assertThat(core.stats().connectedClients.get()).isEqualTo(1);
	}

	@Test
	void everyParameterPrintsAndNoNameIsTakenTwice() {
		ConfigTable table = core.parameters();
		for (ConfigTable.Entry e : table.entries()) {
			assertThat(e.parameter().get()).as(e.name()).isNotNull();
			assertThat(table.lookup(e.name().toUpperCase(java.util.Locale.ROOT))).isSameAs(e);
		}
	}

}
