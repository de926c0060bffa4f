package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XREAD and XREADGROUP with BLOCK against a real redis-server: each case runs the same
 * conversation of a blocked client and a writer on both servers and compares every reply.
 * A client is known to be blocked when INFO's blocked_clients says so (polled against a
 * deadline), never after a sleep.
 */
class StreamBlockingDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	/** A conversation: the waiter's command, what the writer does once it blocks. */
	private static List<Resp> converse(int port, String setup, String blocking, String write, String after)
			throws Exception {
		List<Resp> replies = new ArrayList<>();
		try (RespClient control = new RespClient(port); RespClient waiter = new RespClient(port)) {
			control.call("FLUSHALL");
			for (String line : lines(setup)) {
				replies.add(control.call(StreamDifferentialTest.split(line)));
			}
			String id = waiter.call("CLIENT", "ID").text();
			CompletableFuture<Resp> blocked = CompletableFuture
				.supplyAsync(() -> waiter.call(StreamDifferentialTest.split(blocking)));
			awaitBlocked(control, 1);
			for (String line : lines(write.replace("$ID", id))) {
				replies.add(control.call(StreamDifferentialTest.split(line)));
			}
			replies.add(StreamDifferentialTest.normalize("", blocked.get(10, TimeUnit.SECONDS)));
			for (String line : lines(after)) {
				replies.add(StreamDifferentialTest.normalize(line, control.call(StreamDifferentialTest.split(line))));
			}
			replies.add(waiter.call("PING"));
		}
		return replies;
	}

	private static List<String> lines(String s) {
		return s.isEmpty() ? List.of() : List.of(s.split(" ; "));
	}

	private static void awaitBlocked(RespClient control, int n) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (blockedClients(control) != n) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("expected " + n + " blocked clients");
			}
			Thread.onSpinWait();
		}
	}

	private static int blockedClients(RespClient control) {
		for (String line : control.call("INFO", "clients").text().split("\r\n")) {
			if (line.startsWith("blocked_clients:")) {
				return Integer.parseInt(line.substring("blocked_clients:".length()));
			}
		}
		throw new AssertionError("no blocked_clients");
	}

	private static void same(String setup, String blocking, String write, String after) throws Exception {
		Function<Integer, List<Resp>> run = port -> {
			try {
				return converse(port, setup, blocking, write, after);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		assertThat(run.apply(engine.port())).as(blocking + " / " + write).isEqualTo(run.apply(REDIS.port()));
	}

	@Test
	void xreadDollarIsWokenByXaddOfAnotherClient() throws Exception {
		same("XADD s 1-1 f v", "XREAD BLOCK 0 STREAMS s $", "XADD s 2-1 g w", "XLEN s");
		same("", "XREAD BLOCK 0 STREAMS s $", "XADD s 2-1 g w", "");
		same("XADD s 1-1 f v", "XREAD COUNT 1 BLOCK 0 STREAMS s 5-0", "XADD s 3-1 a b ; XADD s 6-1 c d", "");
	}

	@Test
	void xreadOnSeveralStreamsIsServedByTheOneWritten() throws Exception {
		same("XADD a 1-1 f v", "XREAD BLOCK 0 STREAMS a b $ $", "XADD b 1-1 g w", "");
		same("", "XREAD BLOCK 0 STREAMS a b 0 0", "SET x y ; XADD b 1-1 g w", "");
	}

	@Test
	void blockedXreadTimesOutAndIsUnblockedByClientUnblock() throws Exception {
		same("", "XREAD BLOCK 0 STREAMS s $", "CLIENT UNBLOCK $ID", "");
		same("", "XREAD BLOCK 0 STREAMS s $", "CLIENT UNBLOCK $ID ERROR", "");
		same("XGROUP CREATE s g $ MKSTREAM", "XREADGROUP GROUP g c BLOCK 0 STREAMS s >", "CLIENT UNBLOCK $ID",
				"XINFO GROUPS s");
		try (RespClient c = new RespClient(engine.port())) {
			assertThat(c.call("XREAD", "BLOCK", "1", "STREAMS", "s", "$").isNull()).isTrue();
		}
	}

	@Test
	void xreadgroupIsWokenByXaddAndRecordsThePending() throws Exception {
		same("XGROUP CREATE s g $ MKSTREAM", "XREADGROUP GROUP g c BLOCK 0 STREAMS s >", "XADD s 1-1 f v",
				"XPENDING s g ; XINFO GROUPS s");
		same("XGROUP CREATE s g $ MKSTREAM", "XREADGROUP GROUP g c NOACK BLOCK 0 STREAMS s >",
				"XADD s 1-1 f v ; XADD s 2-1 f v", "XPENDING s g ; XINFO GROUPS s");
		same("XGROUP CREATE s g $ MKSTREAM", "XREADGROUP GROUP g c BLOCK 0 STREAMS s >", "XGROUP DESTROY s g",
				"XINFO GROUPS s");
		// stream-cgroups.tcl: Blocking XREADGROUP: key deleted / key type changed with
		// SET
		same("XADD s 666 f v ; XGROUP CREATE s g $", "XREADGROUP GROUP g c BLOCK 0 STREAMS s >", "DEL s", "");
		same("XADD s 666 f v ; XGROUP CREATE s g $", "XREADGROUP GROUP g c BLOCK 0 STREAMS s >", "SET s x", "");
		// stream.tcl: Blocking XREAD: key deleted (the client stays blocked, then is
		// served)
		same("XADD s 1-1 f v", "XREAD BLOCK 0 STREAMS s $", "DEL s ; XADD s 2-1 g w", "");
		same("XADD s 1-1 f v", "XREAD BLOCK 0 STREAMS s $", "SET s x ; DEL s ; XADD s 3-1 g w", "");
	}

	@Test
	void blockInsideMultiAnswersAtOnce() {
		for (int port : List.of(engine.port(), REDIS.port())) {
			try (RespClient c = new RespClient(port)) {
				c.call("MULTI");
				c.call("XREAD", "BLOCK", "0", "STREAMS", "nosuch", "$");
				Resp exec = c.call("EXEC");
				assertThat(exec.items().get(0).isNull()).as("port " + port).isTrue();
			}
		}
	}

}
