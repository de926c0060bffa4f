package dev.larder.cache.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.near.InvalidationListener;
import dev.larder.cache.near.KeyInvalidations;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a near cache relies on from {@link RedisBackend#keyInvalidations()}, checked
 * against a server the subclass starts (redis-server, or Larder's engine over its RESP
 * port): writes from another, plain connection are reported with the exact rendered key,
 * flushes and lost connections become {@code invalidateAll()}, and reports resume after a
 * reconnect.
 */
abstract class KeyInvalidationsContract {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final String BOOKS = "app:books::";

	private RedisBackend backend;

	private KeyInvalidations invalidations;

	private RedisClient writerClient;

	private StatefulRedisConnection<String, String> writerConnection;

	/** A plain connection, as another application or redis-cli would write. */
	RedisCommands<String, String> writer;

	/** Starts the server; {@link #port()} answers from then on. */
	abstract void startServer();

	abstract int port();

	/** Stops the server and starts it again on the same port, empty. */
	abstract void restartServer();

	abstract void stopServer();

	@BeforeEach
	void start() {
		startServer();
		RedisURI uri = RedisURI.create("redis://127.0.0.1:" + port());
		uri.setTimeout(RedisTestBackends.TIMEOUT);
		this.backend = new RedisBackend(LettuceConnectors.standalone(uri, RedisTestBackends.clientOptions(), null));
		this.invalidations = this.backend.keyInvalidations();
		this.writerClient = RedisClient.create();
		this.writerConnection = this.writerClient.connect(uri);
		this.writer = this.writerConnection.sync();
	}

	@AfterEach
	void stop() {
		if (this.backend != null) {
			this.backend.close();
		}
		if (this.writerClient != null) {
			this.writerClient.shutdown();
		}
		stopServer();
	}

	@Test
	void aWriteUnderTheNamespaceIsReportedWithTheExactRenderedKeyAndWritesOutsideItAreNot() {
		Recorder books = listen(BOOKS);
		this.writer.set("app:books", "no");
		this.writer.set("app:authors::1", "no");
		this.writer.set("books::1", "no");
		this.writer.set(BOOKS + "42", "yes");
		// Redis reports in the order it applied the writes: once the last one is here,
		// any report of the earlier ones would be too.
		books.awaitKeys(BOOKS + "42");
		assertThat(books.events()).containsExactly(BOOKS + "42");
	}

	@Test
	void deletesExpiriesAndUpdatesAreReported() {
		Recorder books = listen(BOOKS);
		this.writer.set(BOOKS + "1", "a");
		books.awaitKeys(BOOKS + "1");
		this.writer.set(BOOKS + "1", "b");
		books.awaitKeys(BOOKS + "1", BOOKS + "1");
		this.writer.del(BOOKS + "1");
		books.awaitKeys(BOOKS + "1", BOOKS + "1", BOOKS + "1");
		books.clear();
		this.writer.set(BOOKS + "short", "lived", SetArgs.Builder.px(50));
		books.awaitKeys(BOOKS + "short");
		// The expiry itself is reported: the key is gone from the server afterwards.
		books.awaitKeys(BOOKS + "short", BOOKS + "short");
		assertThat(this.writer.exists(BOOKS + "short")).isZero();
	}

	@Test
	void writesFromTransactionsScriptsAndRenamesAreReported() {
		Recorder books = listen(BOOKS);
		this.writer.multi();
		this.writer.set(BOOKS + "tx", "x");
		this.writer.exec();
		books.awaitKeys(BOOKS + "tx");
		this.writer.eval("return redis.call('set', KEYS[1], 'x')", ScriptOutputType.STATUS, BOOKS + "script");
		books.awaitKeys(BOOKS + "tx", BOOKS + "script");
		books.clear();
		this.writer.rename(BOOKS + "script", BOOKS + "renamed");
		Eventually.await(WAIT, "both names of the rename reported, got " + books.events(),
				() -> books.events().containsAll(List.of(BOOKS + "script", BOOKS + "renamed")));
	}

	@Test
	void anEvictionIsReported() {
		Recorder books = listen(BOOKS);
		this.writer.set(BOOKS + "evicted", "x");
		books.awaitKeys(BOOKS + "evicted");
		this.writer.configSet("maxmemory-policy", "allkeys-lru");
		// Below what the server already uses: it evicts what it can.
		this.writer.configSet("maxmemory", "1");
		try {
			books.awaitKeys(BOOKS + "evicted", BOOKS + "evicted");
		}
		finally {
			this.writer.configSet("maxmemory", "0");
		}
		assertThat(this.writer.exists(BOOKS + "evicted")).isZero();
	}

	@Test
	void aFlushIsReportedAsInvalidateAll() {
		Recorder books = listen(BOOKS);
		this.writer.flushall();
		books.awaitEvents(Recorder.ALL_WHILE_LIVE);
		this.writer.flushdb();
		books.awaitEvents(Recorder.ALL_WHILE_LIVE, Recorder.ALL_WHILE_LIVE);
	}

	@Test
	void everyRegisteredNamespaceIsReportedToItsOwnListeners() {
		Recorder books = listen(BOOKS);
		Recorder authors = listen("app:authors::");
		// Covers both namespaces already tracked: tracking is replaced, and everything
		// dropped once more.
		Recorder everything = listen("app:");
		this.writer.set(BOOKS + "1", "x");
		this.writer.set("app:authors::2", "x");
		this.writer.set("app:other", "x");
		this.writer.set("zzz", "x");
		everything.awaitKeys(BOOKS + "1", "app:authors::2", "app:other");
		books.awaitKeys(BOOKS + "1");
		authors.awaitKeys("app:authors::2");
		this.writer.set("app:authors::3", "marker");
		authors.awaitKeys("app:authors::2", "app:authors::3");
		assertThat(books.events()).containsExactly(Recorder.ALL_WHILE_NOT_LIVE, BOOKS + "1");
		assertThat(everything.events()).doesNotContain("zzz");
	}

	@Test
	void aNamespaceThatCoversOneAlreadyTrackedReplacesTheTrackingAndInvalidatesEverything() {
		Recorder nested = listen("app:a::b::");
		Recorder outer = new Recorder();
		this.invalidations.listen("app:a::", outer);
		Eventually.await(WAIT, "reports live again", this.invalidations::live);
		nested.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE);
		this.writer.set("app:a::b::1", "x");
		this.writer.set("app:a::2", "x");
		outer.awaitKeys("app:a::b::1", "app:a::2");
		nested.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE, "app:a::b::1");
	}

	@Test
	void aClosedRegistrationIsNoLongerToldAnything() {
		Recorder kept = listen(BOOKS);
		Recorder dropped = new Recorder();
		KeyInvalidations.Registration registration = this.invalidations.listen(BOOKS, dropped);
		Eventually.await(WAIT, "reports live", this.invalidations::live);
		registration.close();
		this.writer.set(BOOKS + "1", "x");
		this.writer.flushall();
		kept.awaitEvents(BOOKS + "1", Recorder.ALL_WHILE_LIVE);
		assertThat(dropped.events()).isEmpty();
	}

	@Test
	void closingTheBackendStopsReportsAndClosesTheTrackingConnection() {
		listen(BOOKS);
		assertThat(trackingClientIds()).hasSize(1);
		this.backend.close();
		assertThat(this.invalidations.live()).isFalse();
		Eventually.await(WAIT, "the tracking connection is closed", () -> trackingClientIds().isEmpty());
	}

	@Test
	void aKilledTrackingConnectionClearsEverythingAndReportsResumeOnceTrackingIsBack() {
		Recorder books = listen(BOOKS);
		List<Long> before = trackingClientIds();
		assertThat(before).hasSize(1);
		this.writer.clientKill(KillArgs.Builder.id(before.get(0)));
		// Lost: invalidateAll while not live; tracking back: invalidateAll again, before
		// live turns true.
		books.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE, Recorder.ALL_WHILE_NOT_LIVE);
		Eventually.await(WAIT, "reports live again", this.invalidations::live);
		assertThat(trackingClientIds()).hasSize(1).doesNotContainAnyElementsOf(before);
		this.writer.set(BOOKS + "after", "x");
		books.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE, Recorder.ALL_WHILE_NOT_LIVE, BOOKS + "after");
	}

	@Test
	void aRestartedServerClearsEverythingAndReportsResumeOnceTrackingIsBack() {
		Recorder books = listen(BOOKS);
		this.writerClient.shutdown();
		this.writerClient = null;
		restartServer();
		books.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE, Recorder.ALL_WHILE_NOT_LIVE);
		Eventually.await(WAIT, "reports live again", this.invalidations::live);
		this.writerClient = RedisClient.create();
		this.writer = this.writerClient.connect(RedisURI.create("redis://127.0.0.1:" + port())).sync();
		this.writer.set(BOOKS + "after", "x");
		books.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE, Recorder.ALL_WHILE_NOT_LIVE, BOOKS + "after");
	}

	/** Registers a recorder and waits until reports are live, then forgets the start. */
	Recorder listen(String prefix) {
		Recorder recorder = new Recorder();
		this.invalidations.listen(prefix, recorder);
		Eventually.await(WAIT, "reports live for " + prefix, this.invalidations::live);
		recorder.clear();
		return recorder;
	}

	/**
	 * The ids of the server's clients that track keys ({@code t} in CLIENT LIST flags).
	 */
	List<Long> trackingClientIds() {
		List<Long> ids = new ArrayList<>();
		for (String line : this.writer.clientList().split("\n")) {
			String id = null;
			boolean tracking = false;
			for (String field : line.trim().split(" ")) {
				if (field.startsWith("id=")) {
					id = field.substring(3);
				}
				if (field.startsWith("flags=") && field.contains("t")) {
					tracking = true;
				}
			}
			if (tracking && id != null) {
				ids.add(Long.parseLong(id));
			}
		}
		return ids;
	}

	KeyInvalidations invalidations() {
		return this.invalidations;
	}

	RedisBackend backend() {
		return this.backend;
	}

	/** Records what it is told, and whether reports were live when told to drop all. */
	final class Recorder implements InvalidationListener {

		static final String ALL_WHILE_LIVE = "*all (live)";

		static final String ALL_WHILE_NOT_LIVE = "*all (not live)";

		private final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void invalidate(String key) {
			this.events.add(key);
		}

		@Override
		public void invalidateAll() {
			this.events.add(KeyInvalidationsContract.this.invalidations.live() ? ALL_WHILE_LIVE : ALL_WHILE_NOT_LIVE);
		}

		List<String> events() {
			return List.copyOf(this.events);
		}

		void clear() {
			this.events.clear();
		}

		/** Waits until the keys reported are exactly these (ignoring invalidateAll). */
		void awaitKeys(String... keys) {
			Eventually.await(WAIT, "reports of " + List.of(keys) + ", got " + this.events,
					() -> this.events.stream()
						.filter((event) -> !event.startsWith("*all"))
						.toList()
						.equals(List.of(keys)));
		}

		/** Waits until the events are exactly these. */
		void awaitEvents(String... events) {
			Eventually.await(WAIT, "events " + List.of(events) + ", got " + this.events,
					() -> this.events.equals(List.of(events)));
		}

	}

}
