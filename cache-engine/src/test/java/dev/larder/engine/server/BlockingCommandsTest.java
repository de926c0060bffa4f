package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blocking pops over RESP with two or three real connections. Deterministic: a client is
 * known to be blocked when INFO's blocked_clients says so (polled against a deadline),
 * never after a sleep.
 */
class BlockingCommandsTest {

	private Engine engine;

	private RespClient control;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		control = new RespClient(engine.port());
	}

	@AfterEach
	void stop() {
		control.close();
		engine.close();
	}

	private int blockedClients() {
		String info = control.call("INFO", "clients").text();
		for (String line : info.split("\r\n")) {
			if (line.startsWith("blocked_clients:")) {
				return Integer.parseInt(line.substring("blocked_clients:".length()));
			}
		}
		throw new AssertionError("no blocked_clients in " + info);
	}

	private void awaitBlocked(int n) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (blockedClients() != n) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("expected " + n + " blocked clients, have " + blockedClients());
			}
			Thread.onSpinWait();
		}
	}

	private static CompletableFuture<Resp> async(Supplier<Resp> call) {
		return CompletableFuture.supplyAsync(call);
	}

	private static List<String> texts(Resp r) {
		return r.items().stream().map(Resp::text).toList();
	}

	@Test
	void blockedClientIsServedByAPushFromAnotherConnection() throws Exception {
		try (RespClient waiter = new RespClient(engine.port())) {
			CompletableFuture<Resp> popped = async(() -> waiter.call("BLPOP", "jobs", "other", "0"));
			awaitBlocked(1);
			assertThat(popped).isNotDone();
			assertThat(control.call("RPUSH", "jobs", "j1", "j2").text()).isEqualTo("2");
			assertThat(texts(popped.get(10, TimeUnit.SECONDS))).containsExactly("jobs", "j1");
			assertThat(control.call("LRANGE", "jobs", "0", "-1").items()).hasSize(1);
			assertThat(blockedClients()).isZero();
			// The connection reads commands again after being served.
			assertThat(waiter.call("PING").text()).isEqualTo("PONG");
		}
	}

	@Test
	void waitersAreServedInArrivalOrder() throws Exception {
		try (RespClient first = new RespClient(engine.port()); RespClient second = new RespClient(engine.port())) {
			CompletableFuture<Resp> a = async(() -> first.call("BRPOP", "q", "0"));
			awaitBlocked(1);
			CompletableFuture<Resp> b = async(() -> second.call("BRPOP", "q", "0"));
			awaitBlocked(2);
			control.call("LPUSH", "q", "x");
			assertThat(texts(a.get(10, TimeUnit.SECONDS))).containsExactly("q", "x");
			awaitBlocked(1);
			assertThat(b).isNotDone();
			control.call("LPUSH", "q", "y");
			assertThat(texts(b.get(10, TimeUnit.SECONDS))).containsExactly("q", "y");
			assertThat(control.call("EXISTS", "q").text()).isEqualTo("0");
		}
	}

	@Test
	void timeoutAnswersNullAfterTheTimeoutAndNotBefore() throws Exception {
		try (RespClient waiter = new RespClient(engine.port())) {
			long start = System.nanoTime();
			Resp r = waiter.call("BLPOP", "nothing", "0.2");
			long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(r.toString()).isEqualTo("*nil");
			assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
			assertThat(blockedClients()).isZero();
			assertThat(waiter.call("HELLO", "3").type()).isEqualTo('%');
			assertThat(waiter.call("BZPOPMIN", "nothing", "0.05").toString()).isEqualTo("_nil");
			assertThat(waiter.call("BLMOVE", "nothing", "dst", "LEFT", "RIGHT", "0.05").toString()).isEqualTo("_nil");
		}
	}

	/**
	 * Redis 7.0 answers every blocking command that times out with the null array
	 * ({@code *-1} in RESP2), the single-value BLMOVE and BRPOPLPUSH included, although
	 * they answer a null bulk when they cannot block.
	 */
	@Test
	void everyBlockingCommandTimesOutWithTheNullArray() throws Exception {
		try (RespClient waiter = new RespClient(engine.port())) {
			for (String[] command : new String[][] { { "BLPOP", "none", "0.01" }, { "BRPOP", "none", "0.01" },
					{ "BLMOVE", "none", "dst", "LEFT", "LEFT", "0.01" }, { "BRPOPLPUSH", "none", "dst", "0.01" },
					{ "BLMPOP", "0.01", "1", "none", "LEFT" }, { "BZPOPMIN", "none", "0.01" },
					{ "BZPOPMAX", "none", "0.01" }, { "BZMPOP", "0.01", "1", "none", "MIN" } }) {
				assertThat(waiter.call(command).toString()).as(command[0]).isEqualTo("*nil");
			}
		}
		assertThat(engine.execute("BLMOVE", "none", "dst", "LEFT", "LEFT", "0")).isEqualTo(Reply.NULL);
	}

	@Test
	void pipelinedCommandsWaitBehindTheBlockedOne() throws Exception {
		try (RespClient waiter = new RespClient(engine.port())) {
			waiter.send(RespClient.encode("BLPOP", "k", "0"));
			waiter.send(RespClient.encode("GET", "s"));
			awaitBlocked(1);
			control.call("SET", "s", "after");
			control.call("RPUSH", "k", "v");
			assertThat(texts(waiter.read())).containsExactly("k", "v");
			assertThat(waiter.read().text()).isEqualTo("after");
		}
	}

	@Test
	void blmoveAndSortedSetPopsAreServedToo() throws Exception {
		try (RespClient a = new RespClient(engine.port()); RespClient b = new RespClient(engine.port())) {
			CompletableFuture<Resp> moved = async(() -> a.call("BLMOVE", "src", "dst", "RIGHT", "LEFT", "0"));
			CompletableFuture<Resp> zpopped = async(() -> b.call("BZPOPMAX", "z1", "z2", "5"));
			awaitBlocked(2);
			control.call("RPUSH", "src", "m1", "m2");
			assertThat(moved.get(10, TimeUnit.SECONDS).text()).isEqualTo("m2");
			assertThat(texts(control.call("LRANGE", "dst", "0", "-1"))).containsExactly("m2");
			control.call("ZADD", "z2", "1.5", "low", "2.5", "high");
			assertThat(texts(zpopped.get(10, TimeUnit.SECONDS))).containsExactly("z2", "high", "2.5");
			assertThat(blockedClients()).isZero();
		}
	}

	@Test
	void aServedBlmoveWakesTheClientBlockedOnItsDestination() throws Exception {
		try (RespClient a = new RespClient(engine.port()); RespClient b = new RespClient(engine.port())) {
			CompletableFuture<Resp> chained = async(() -> b.call("BLPOP", "stage2", "0"));
			awaitBlocked(1);
			CompletableFuture<Resp> moved = async(() -> a.call("BLMOVE", "stage1", "stage2", "LEFT", "RIGHT", "0"));
			awaitBlocked(2);
			control.call("LPUSH", "stage1", "job");
			assertThat(moved.get(10, TimeUnit.SECONDS).text()).isEqualTo("job");
			assertThat(texts(chained.get(10, TimeUnit.SECONDS))).containsExactly("stage2", "job");
		}
	}

	@Test
	void disconnectingUnblocks() {
		RespClient waiter = new RespClient(engine.port());
		waiter.send(RespClient.encode("BLPOP", "k", "0"));
		awaitBlocked(1);
		waiter.close();
		awaitBlocked(0);
		control.call("RPUSH", "k", "kept");
		assertThat(control.call("LLEN", "k").text()).isEqualTo("1");
	}

	@Test
	void wrongTypeIsAnErrorAtOnce() {
		control.call("SET", "str", "v");
		assertThat(control.call("BLPOP", "str", "0").toString()).contains("WRONGTYPE");
		assertThat(control.call("BLPOP", "k", "-1").text()).isEqualTo("ERR timeout is negative");
		assertThat(control.call("BLPOP", "k", "x").text()).isEqualTo("ERR timeout is not a float or out of range");
	}

	/**
	 * In-process callers cannot park: like Redis inside MULTI, a blocking pop with no
	 * data answers at once.
	 */
	@Test
	void inProcessBlockingCommandsDoNotBlock() {
		assertThat(engine.execute("BLPOP", "none", "0")).isEqualTo(Reply.NULL_ARRAY);
		assertThat(engine.execute("BZPOPMIN", "none", "0")).isEqualTo(Reply.NULL_ARRAY);
		engine.execute("RPUSH", "some", "v");
		assertThat(engine.execute("BRPOP", "some", "0")).isEqualTo(Reply.array(Reply.bulk("some"), Reply.bulk("v")));
	}

}
