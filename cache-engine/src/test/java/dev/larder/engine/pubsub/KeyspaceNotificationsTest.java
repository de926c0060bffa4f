package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.server.RespServer;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publishing half of keyspace notifications: notify-keyspace-events accepted and
 * bound, events reported through KeyChanges.notify published on notify.c's channels per
 * the K/E flags, and delivered to subscribers over RESP (the commands' own notify calls
 * are another change; this test reports events itself, as a command would).
 */
class KeyspaceNotificationsTest {

	private EngineCore core;

	private RespServer server;

	@BeforeEach
	void start() {
		core = new EngineCore(EngineConfig.builder().port(0).activeExpiry(false).build());
		CommandExecutor executor = new CommandExecutor(core);
		server = RespServer.start(core, executor);
	}

	@AfterEach
	void stop() {
		server.close();
		core.evictor().close();
	}

	private static Resp bulk(String s) {
		return new Resp('$', s, null);
	}

	private static Resp frame(Resp... items) {
		return new Resp('*', Integer.toString(items.length), List.of(items));
	}

	private void report(int type, String event, String key, int db) {
		core.keyspace().changes().notify(type, event, key.getBytes(StandardCharsets.UTF_8), db);
	}

	@Test
	void everyFlagCombinationIsAcceptedAndReadBack() {
		try (RespClient c = new RespClient(server.port())) {
			for (String flags : List.of("KEA", "Kg$", "Ex", "KElshzxetdmn", "A", "")) {
				assertThat(c.call("CONFIG", "SET", "notify-keyspace-events", flags))
					.isEqualTo(new Resp('+', "OK", null));
			}
			c.call("CONFIG", "SET", "notify-keyspace-events", "AKE");
			assertThat(c.call("CONFIG", "GET", "notify-keyspace-events").items().get(1)).isEqualTo(bulk("AKE"));
			assertThat(core.keyspace().changes().notifyFlags() & KeyChanges.NOTIFY_STRING).isNotZero();
			assertThat(c.call("CONFIG", "SET", "notify-keyspace-events", "Q").text()).startsWith(
					"ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class");
		}
	}

	@Test
	void keyspaceAndKeyeventChannelsFollowTheFlags() {
		try (RespClient sub = new RespClient(server.port()); RespClient admin = new RespClient(server.port())) {
			sub.call("PSUBSCRIBE", "__key*__:*");
			admin.call("CONFIG", "SET", "notify-keyspace-events", "KE$");
			report(KeyChanges.NOTIFY_STRING, "set", "user:1", 0);
			assertThat(sub.read())
				.isEqualTo(frame(bulk("pmessage"), bulk("__key*__:*"), bulk("__keyspace@0__:user:1"), bulk("set")));
			assertThat(sub.read())
				.isEqualTo(frame(bulk("pmessage"), bulk("__key*__:*"), bulk("__keyevent@0__:set"), bulk("user:1")));

			// a class not enabled publishes nothing; E alone publishes only the keyevent
			report(KeyChanges.NOTIFY_GENERIC, "del", "user:1", 0);
			admin.call("CONFIG", "SET", "notify-keyspace-events", "Eg");
			report(KeyChanges.NOTIFY_GENERIC, "del", "user:2", 7);
			assertThat(sub.read())
				.isEqualTo(frame(bulk("pmessage"), bulk("__key*__:*"), bulk("__keyevent@7__:del"), bulk("user:2")));

			// K alone, and 'A' without the classes it leaves out (n, m)
			admin.call("CONFIG", "SET", "notify-keyspace-events", "KA");
			report(KeyChanges.NOTIFY_NEW, "new", "skipped", 0);
			report(KeyChanges.NOTIFY_HASH, "hset", "h", 1);
			assertThat(sub.read())
				.isEqualTo(frame(bulk("pmessage"), bulk("__key*__:*"), bulk("__keyspace@1__:h"), bulk("hset")));

			// no K and no E: nothing, whatever the classes
			admin.call("CONFIG", "SET", "notify-keyspace-events", "A");
			report(KeyChanges.NOTIFY_HASH, "hset", "h", 1);
			admin.call("CONFIG", "SET", "notify-keyspace-events", "Kn");
			report(KeyChanges.NOTIFY_NEW, "new", "fresh", 0);
			assertThat(sub.read())
				.isEqualTo(frame(bulk("pmessage"), bulk("__key*__:*"), bulk("__keyspace@0__:fresh"), bulk("new")));
		}
	}

	@Test
	void notificationsPublishedUnderAShardLockStillReachSubscribers() {
		try (RespClient sub = new RespClient(server.port())) {
			sub.call("SUBSCRIBE", "__keyevent@0__:expired");
			core.keyspace().changes().notifyFlags(KeyChanges.NOTIFY_KEYEVENT | KeyChanges.NOTIFY_EXPIRED);
			byte[] key = "k".getBytes(StandardCharsets.UTF_8);
			var shard = core.keyspace().shard(core.keyspace().shardIndex(key));
			shard.lock();
			try {
				core.keyspace().changes().notify(KeyChanges.NOTIFY_EXPIRED, "expired", key, 0);
			}
			finally {
				shard.unlock();
			}
			assertThat(sub.read()).isEqualTo(frame(bulk("message"), bulk("__keyevent@0__:expired"), bulk("k")));
		}
	}

}
