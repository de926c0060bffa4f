package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RespClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionServerCommandsTest extends EngineTestSupport {

	@Test
	void pingEchoTime() {
		expect(Reply.PONG, "PING");
		expect(bulk("hi"), "PING", "hi");
		expectError("ERR wrong number of arguments for 'ping' command", "PING", "a", "b");
		expect(bulk("x"), "ECHO", "x");
		expect(bulks(Long.toString(clock.millis() / 1000), Long.toString(clock.millis() % 1000 * 1000)), "TIME");
	}

	@Test
	void helloSwitchesProtocolAndNames() {
		Engine.EngineSession s = engine.openSession();
		Reply.MapReply hello = (Reply.MapReply) s.execute("HELLO", "3", "SETNAME", "app");
		assertThat(hello.keysAndValues().subList(0, 6)).containsExactly(bulk("server"), bulk("redis"), bulk("version"),
				bulk("7.0.15"), bulk("proto"), integer(3));
		assertThat(s.protocol()).isEqualTo(3);
		assertThat(s.execute("CLIENT", "GETNAME")).isEqualTo(bulk("app"));
		assertThat(s.execute("HELLO", "4")).isEqualTo(err("NOPROTO unsupported protocol version"));
		assertThat(s.execute("HELLO", "x")).isEqualTo(err("ERR Protocol version is not an integer or out of range"));
		assertThat(s.execute("HELLO", "3", "foo")).isEqualTo(err("ERR Syntax error in HELLO option 'foo'"));
		assertThat(s.execute("CLIENT", "SETNAME", "a b"))
			.isEqualTo(err("ERR Client names cannot contain spaces, newlines or special characters."));
		assertThat(s.execute("CLIENT", "SETNAME"))
			.isEqualTo(err("ERR wrong number of arguments for 'client|setname' command"));
		assertThat(s.execute("CLIENT", "FOO")).isEqualTo(err("ERR unknown subcommand 'FOO'. Try CLIENT HELP."));
		assertThat(s.execute("CLIENT", "ID")).isInstanceOf(Reply.IntegerReply.class);
		assertThat(((Reply.VerbatimString) s.execute("CLIENT", "INFO")).text()).contains("name=app", "resp=3");
		assertThat(s.execute("RESET")).isEqualTo(new Reply.SimpleString("RESET"));
		assertThat(s.protocol()).isEqualTo(2);
		assertThat(s.execute("CLIENT", "GETNAME")).isEqualTo(Reply.NULL);
	}

	@Test
	void authenticationWithRequirePass() {
		try (Engine secured = Engine.start(EngineConfig.builder().requirePass("secret").activeExpiry(false).build())) {
			// In-process callers are trusted.
			assertThat(secured.execute("SET", "k", "v")).isEqualTo(Reply.OK);
			assertThat(secured.execute("AUTH", "wrong"))
				.isEqualTo(err("WRONGPASS invalid username-password pair or user is disabled."));
			assertThat(secured.execute("AUTH", "secret")).isEqualTo(Reply.OK);
			assertThat(secured.execute("AUTH", "default", "secret")).isEqualTo(Reply.OK);
			assertThat(secured.execute("AUTH", "a", "b", "c")).isEqualTo(err("ERR syntax error"));
		}
		expectError("ERR AUTH <password> called without any password configured for the default user. "
				+ "Are you sure your configuration is correct?", "AUTH", "x");
		expect(Reply.OK, "AUTH", "default", "anything");
	}

	/**
	 * HELLO authenticates and names the client as it reads AUTH and SETNAME
	 * (networking.c's helloCommand), so what it applied before an error stays. Replies
	 * taken from redis-server 7.0.15 with requirepass.
	 */
	@Test
	void helloAppliesAuthAndSetNameAsItReadsThem() {
		try (Engine secured = Engine
			.start(EngineConfig.builder().port(0).requirePass("secret").activeExpiry(false).build());
				RespClient c = new RespClient(secured.port())) {
			assertThat(c.call("HELLO", "2", "SETNAME", "early").text())
				.isEqualTo("NOAUTH HELLO must be called with the client already authenticated, otherwise the "
						+ "HELLO AUTH <user> <pass> option can be used to authenticate the client and select the "
						+ "RESP protocol version at the same time");
			assertThat(c.call("HELLO", "2", "AUTH", "default", "wrong").text())
				.isEqualTo("WRONGPASS invalid username-password pair or user is disabled.");
			assertThat(c.call("HELLO", "2", "AUTH", "default", "secret", "FOO").text())
				.isEqualTo("ERR Syntax error in HELLO option 'FOO'");
			assertThat(c.call("GET", "k").isNull()).isTrue();
			assertThat(c.call("CLIENT", "GETNAME").text()).isEqualTo("early");
			assertThat(c.call("HELLO", "2", "AUTH", "default", "secret", "AUTH", "default", "wrong").text())
				.isEqualTo("WRONGPASS invalid username-password pair or user is disabled.");
			assertThat(c.call("GET", "k").isNull()).isTrue();
			assertThat(c.call("RESET").text()).isEqualTo("RESET");
			assertThat(c.call("HELLO", "2", "SETNAME", "y", "AUTH", "default", "wrong").text())
				.isEqualTo("WRONGPASS invalid username-password pair or user is disabled.");
			assertThat(c.call("AUTH", "secret").text()).isEqualTo("OK");
			assertThat(c.call("CLIENT", "GETNAME").text()).isEqualTo("y");
		}
	}

	@Test
	void selectRange() {
		expectError("ERR DB index is out of range", "SELECT", "16");
		expectError("ERR value is not an integer or out of range", "SELECT", "x");
		expect(Reply.OK, "SELECT", "15");
	}

	@Test
	void infoSections() {
		run("SET", "k", "v", "EX", "100");
		String info = ((Reply.VerbatimString) run("INFO")).text();
		assertThat(info).contains("# Server\r\n", "redis_version:7.0.15", "# Clients\r\n", "connected_clients:",
				"# Memory\r\n", "used_memory:", "# Stats\r\n", "total_commands_processed:", "keyspace_hits:",
				"# Keyspace\r\n", "db0:keys=1,expires=1,avg_ttl=0");
		String keyspace = ((Reply.VerbatimString) run("INFO", "keyspace")).text();
		assertThat(keyspace).startsWith("# Keyspace\r\n").doesNotContain("# Server");
	}

	@Test
	void commandIntrospection() {
		Reply count = run("COMMAND", "COUNT");
		assertThat(((Reply.IntegerReply) count).value()).isGreaterThan(70);
		Reply.ArrayReply info = (Reply.ArrayReply) run("COMMAND", "INFO", "get", "nosuch", "mset");
		Reply.ArrayReply get = (Reply.ArrayReply) info.items().get(0);
		assertThat(get.items().subList(0, 2)).containsExactly(bulk("get"), integer(2));
		assertThat(get.items().subList(3, 6)).containsExactly(integer(1), integer(1), integer(1));
		assertThat(info.items().get(1)).isEqualTo(Reply.NULL);
		Reply.ArrayReply mset = (Reply.ArrayReply) info.items().get(2);
		assertThat(mset.items().subList(3, 6)).containsExactly(integer(1), integer(-1), integer(2));
		Reply.MapReply docs = (Reply.MapReply) run("COMMAND", "DOCS", "set");
		assertThat(docs.keysAndValues().get(0)).isEqualTo(bulk("set"));
		assertThat(((Reply.ArrayReply) run("COMMAND")).items()).hasSize((int) ((Reply.IntegerReply) count).value());
	}

	@Test
	void configGetAndSet() {
		Reply.MapReply all = (Reply.MapReply) run("CONFIG", "GET", "*");
		assertThat(all.keysAndValues()).contains(bulk("databases"), bulk("16"), bulk("hz"), bulk("10"));
		expect(new Reply.MapReply(List.of(bulk("maxmemory"), bulk("0"))), "CONFIG", "GET", "maxmemory");
		expect(Reply.OK, "CONFIG", "SET", "hz", "20", "proto-max-bulk-len", "2mb");
		expect(new Reply.MapReply(List.of(bulk("proto-max-bulk-len"), bulk("2097152"))), "CONFIG", "GET",
				"proto-max-bulk-len");
		expectError("ERR string exceeds maximum allowed size (proto-max-bulk-len)", "SETRANGE", "k", "2097152", "x");
		expectError("ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
				"CONFIG", "SET", "databases", "3");
		expectError("ERR Unknown option or number of arguments for CONFIG SET - 'foo'", "CONFIG", "SET", "foo", "1");
		expectError("ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into "
				+ "an integer", "CONFIG", "SET", "hz", "x");
		expect(Reply.OK, "CONFIG", "SET", "requirepass", "pw");
		expect(new Reply.MapReply(List.of(bulk("requirepass"), bulk("pw"))), "CONFIG", "GET", "requirepass");
	}

}
