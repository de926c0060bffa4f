package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MULTI, EXEC, DISCARD over RESP: what is queued, what aborts, what runs at once, and the
 * shape of EXEC's reply (Redis 7.0.15's texts, as multi.c and processCommand have them;
 * TransactionDifferentialTest compares the same against a live server).
 */
class TransactionCommandsTest {

	private static Engine engine;

	private RespClient a;

	private RespClient b;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		engine.close();
	}

	@BeforeEach
	void connect() {
		a = new RespClient(engine.port());
		b = new RespClient(engine.port());
		a.call("FLUSHALL");
	}

	@AfterEach
	void disconnect() {
		a.close();
		b.close();
	}

	@Test
	void queuedCommandsRunAtExecInOrder() {
		assertThat(a.call("MULTI").text()).isEqualTo("OK");
		assertThat(a.call("SET", "x", "1").text()).isEqualTo("QUEUED");
		assertThat(a.call("INCR", "x").text()).isEqualTo("QUEUED");
		assertThat(b.call("GET", "x").isNull()).as("nothing ran before EXEC").isTrue();
		assertThat(a.call("EXEC").toString()).isEqualTo("*[+\"OK\", :\"2\"]");
	}

	@Test
	void emptyTransactionAnswersAnEmptyArray() {
		a.call("MULTI");
		assertThat(a.call("EXEC").toString()).isEqualTo("*[]");
	}

	@Test
	void runtimeErrorsDoNotRollBackTheOtherCommands() {
		a.call("SET", "s", "text");
		a.call("MULTI");
		a.call("INCR", "s");
		a.call("SET", "after", "1");
		Resp exec = a.call("EXEC");
		assertThat(exec.items().get(0).text()).isEqualTo("ERR value is not an integer or out of range");
		assertThat(exec.items().get(1).text()).isEqualTo("OK");
		assertThat(a.call("GET", "after").text()).isEqualTo("1");
	}

	@Test
	void aCommandRefusedWhileQueueingAbortsExec() {
		a.call("MULTI");
		a.call("SET", "x", "1");
		assertThat(a.call("SET", "y").text()).isEqualTo("ERR wrong number of arguments for 'set' command");
		assertThat(a.call("EXEC").text()).isEqualTo("EXECABORT Transaction discarded because of previous errors.");
		assertThat(a.call("EXISTS", "x").text()).isEqualTo("0");
		assertThat(a.call("EXEC").text()).as("the client left MULTI").isEqualTo("ERR EXEC without MULTI");
	}

	@Test
	void errorsOfTransactionCommandsThemselvesDoNotAbort() {
		a.call("MULTI");
		assertThat(a.call("MULTI").text()).isEqualTo("ERR MULTI calls can not be nested");
		assertThat(a.call("WATCH", "x").text()).isEqualTo("ERR WATCH inside MULTI is not allowed");
		a.call("SET", "x", "1");
		assertThat(a.call("EXEC").toString()).isEqualTo("*[+\"OK\"]");
	}

	@Test
	void withoutMulti() {
		assertThat(a.call("EXEC").text()).isEqualTo("ERR EXEC without MULTI");
		assertThat(a.call("DISCARD").text()).isEqualTo("ERR DISCARD without MULTI");
	}

	@Test
	void discardDropsTheQueue() {
		a.call("MULTI");
		a.call("SET", "x", "1");
		assertThat(a.call("DISCARD").text()).isEqualTo("OK");
		assertThat(a.call("EXISTS", "x").text()).isEqualTo("0");
	}

	@Test
	void blockingCommandsAnswerAtOnceInsideExec() {
		a.call("MULTI");
		a.call("BLPOP", "empty", "0");
		a.call("BZPOPMAX", "emptyz", "0");
		assertThat(a.call("EXEC").toString()).isEqualTo("*[*nil, *nil]");
	}

	@Test
	void aQueuedWriteServesAClientBlockedOnItsKey() {
		b.send(RespClient.encode("BLPOP", "jobs", "0"));
		a.call("MULTI");
		a.call("RPUSH", "jobs", "j1");
		a.call("EXEC");
		// parked or not when EXEC ran, b gets the element (no timing assumed)
		assertThat(b.read().toString()).isEqualTo("*[$\"jobs\", $\"j1\"]");
	}

	@Test
	void resetLeavesMultiAndQuitClosesAtOnce() {
		a.call("MULTI");
		a.call("SET", "x", "1");
		assertThat(a.call("RESET").text()).isEqualTo("RESET");
		assertThat(a.call("EXEC").text()).isEqualTo("ERR EXEC without MULTI");
		a.call("MULTI");
		assertThat(a.call("QUIT").text()).isEqualTo("OK");
		assertThat(a.isClosedByServer()).isTrue();
		assertThat(b.call("EXISTS", "x").text()).isEqualTo("0");
	}

	@Test
	void execRepliesInTheClientsProtocol() {
		a.call("HELLO", "3");
		a.call("HSET", "h", "f", "v");
		a.call("MULTI");
		a.call("HGETALL", "h");
		assertThat(a.call("EXEC").toString()).isEqualTo("*[%[$\"f\", $\"v\"]]");
		a.call("WATCH", "h");
		b.call("HSET", "h", "f", "w");
		a.call("MULTI");
		assertThat(a.call("EXEC").toString()).as("RESP3 null").isEqualTo("_nil");
		a.call("HELLO", "2");
		a.call("WATCH", "h");
		b.call("HSET", "h", "f", "x");
		a.call("MULTI");
		assertThat(a.call("EXEC").toString()).as("RESP2 null array").isEqualTo("*nil");
	}

	@Test
	void queueingUnderMemoryPressureIsRefusedAndAborts() {
		a.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
		a.call("SET", "x", "1");
		a.call("MULTI");
		a.call("SET", "y", "1");
		b.call("CONFIG", "SET", "maxmemory", "1");
		try {
			assertThat(a.call("EXEC").text()).isEqualTo(
					"EXECABORT Transaction discarded because of: OOM command not allowed when used memory > 'maxmemory'.");
			a.call("MULTI");
			assertThat(a.call("GET", "x").text()).isEqualTo("OOM command not allowed when used memory > 'maxmemory'.");
			b.call("CONFIG", "SET", "maxmemory", "0");
			assertThat(a.call("EXEC").text()).isEqualTo("EXECABORT Transaction discarded because of previous errors.");
		}
		finally {
			b.call("CONFIG", "SET", "maxmemory", "0");
		}
	}

	@Test
	void commandsThatWalkTheKeyspaceRunInsideExec() {
		a.call("MSET", "k1", "1", "k2", "2");
		a.call("MULTI");
		a.call("DBSIZE");
		a.call("FLUSHDB");
		a.call("SET", "k3", "3");
		a.call("KEYS", "*");
		assertThat(a.call("EXEC").toString()).isEqualTo("*[:\"2\", +\"OK\", +\"OK\", *[$\"k3\"]]");
	}

}
