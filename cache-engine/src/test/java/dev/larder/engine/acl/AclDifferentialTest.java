package dev.larder.engine.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's ACLs against a real redis-server 7.0.15: ACL SETUSER's rules and errors,
 * what GETUSER and LIST describe (RESP2 and RESP3), CAT, DRYRUN, the NOPERM errors of
 * commands, subcommands, keys and channels (also from scripts), AUTH and HELLO AUTH,
 * WHOAMI, DELUSER, GENPASS and the ACL log.
 *
 * <p>
 * Two things are compared loosely, because Redis's own order is a hash table's: the
 * single-command rules of a description (sorted within each run) and the commands of ACL
 * CAT (as sets, Redis's restricted to the commands the engine implements).
 */
class AclDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	private static Pair admin;

	private final List<Pair> opened = new ArrayList<>();

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		admin = new Pair(new RespClient(engine.port()), new RespClient(REDIS.port()));
	}

	@AfterAll
	static void stop() {
		if (admin != null) {
			admin.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	@BeforeEach
	void clean() {
		for (RespClient c : List.of(admin.engine, admin.redis)) {
			c.call("CONFIG", "SET", "requirepass", "");
			c.call("CONFIG", "SET", "acl-pubsub-default", "resetchannels");
			for (Resp name : c.call("ACL", "USERS").items()) {
				if (!name.text().equals("default")) {
					c.call("ACL", "DELUSER", name.text());
				}
			}
			c.call("ACL", "SETUSER", "default", "reset", "on", "nopass", "~*", "&*", "+@all");
			c.call("ACL", "LOG", "RESET");
			c.call("FLUSHALL");
		}
	}

	@AfterEach
	void closeOpened() {
		opened.forEach(Pair::close);
	}

	/** Connections to both servers, authenticated as {@code user}. */
	private Pair connect(String user, String password) {
		Pair p = new Pair(new RespClient(engine.port()), new RespClient(REDIS.port()));
		opened.add(p);
		p.both("AUTH", user, password);
		return p;
	}

	// ------------------------------------------------------------------ SETUSER

	static Stream<Arguments> ruleSets() {
		String hash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
		return Stream.of(
				// edge values first: nothing, empty rule, case of keywords
				Arguments.of((Object) new String[] {}), Arguments.of((Object) new String[] { "" }),
				Arguments.of((Object) new String[] { "ON", "NOPASS", "ALLKEYS", "ALLCHANNELS", "ALLCOMMANDS" }),
				Arguments.of((Object) new String[] { "on", ">" }), Arguments.of((Object) new String[] { "foo" }),
				Arguments.of((Object) new String[] { "+nosuch" }), Arguments.of((Object) new String[] { "+@nosuch" }),
				Arguments.of((Object) new String[] { "-@nosuch" }), Arguments.of((Object) new String[] { "%" }),
				Arguments.of((Object) new String[] { "%~a" }), Arguments.of((Object) new String[] { "%R" }),
				Arguments.of((Object) new String[] { "%X~a" }), Arguments.of((Object) new String[] { "%RR~a" }),
				Arguments.of((Object) new String[] { "%rw~a", "%W~b" }),
				Arguments.of((Object) new String[] { "%R~a", "%W~a" }), Arguments.of((Object) new String[] { "~a b" }),
				Arguments.of((Object) new String[] { "&a\tb" }), Arguments.of((Object) new String[] { "~*", "~a" }),
				Arguments.of((Object) new String[] { "allkeys", "%R~a" }),
				Arguments.of((Object) new String[] { "&*", "&a" }),
				Arguments.of((Object) new String[] { "~a", "~a", "~b", "resetkeys", "~c" }),
				Arguments.of((Object) new String[] { "&a", "&a", "&b*" }),
				Arguments.of((Object) new String[] { "#abc" }), Arguments.of((Object) new String[] { "#" + hash }),
				Arguments.of((Object) new String[] { "#" + hash.substring(1) }),
				Arguments.of((Object) new String[] { "#" + hash.toUpperCase(java.util.Locale.ROOT) }),
				Arguments.of((Object) new String[] { "#" + hash + "0" }),
				Arguments.of((Object) new String[] { ">password", "#" + hash, "<password" }),
				Arguments.of((Object) new String[] { "!" + hash }), Arguments.of((Object) new String[] { "<nope" }),
				Arguments.of((Object) new String[] { "!abc" }),
				Arguments.of((Object) new String[] { ">a", ">b", ">a" }),
				Arguments.of((Object) new String[] { ">a", "nopass" }),
				Arguments.of((Object) new String[] { "nopass", ">a" }),
				Arguments.of((Object) new String[] { ">a", "resetpass" }),
				Arguments.of((Object) new String[] { "+get|x" }),
				Arguments.of((Object) new String[] { "+select|0", "+select|1" }),
				Arguments.of((Object) new String[] { "+@all", "-select", "+select|0", "+SELECT|0" }),
				Arguments.of((Object) new String[] { "+client|id|x" }),
				Arguments.of((Object) new String[] { "+select|" }),
				Arguments.of((Object) new String[] { "+client|nosuch" }),
				Arguments.of((Object) new String[] { "-select|0" }),
				Arguments.of((Object) new String[] { "+client|id", "+client|getname" }),
				Arguments.of((Object) new String[] { "+@all", "-client|kill", "-config" }),
				Arguments.of((Object) new String[] { "+client", "-client|kill" }),
				Arguments.of((Object) new String[] { "+@read", "-get" }),
				Arguments.of((Object) new String[] { "+@all", "-@write", "+set" }),
				Arguments.of((Object) new String[] { "+@read", "+@write", "-@dangerous" }),
				Arguments.of((Object) new String[] { "+@connection", "+@keyspace", "-@slow" }),
				Arguments.of((Object) new String[] { "+GET", "+Set" }),
				Arguments.of((Object) new String[] { "allcommands", "nocommands", "+get" }),
				Arguments.of((Object) new String[] { "(~a", "+get)" }), Arguments.of((Object) new String[] { "(~a" }),
				Arguments.of((Object) new String[] { "(+get ~a*)", "(+set %W~b*)", "~c" }),
				Arguments.of((Object) new String[] { "(+get ~a*)", "clearselectors" }),
				Arguments.of((Object) new String[] { "(+nosuch)" }), Arguments.of((Object) new String[] { "()" }),
				Arguments.of((Object) new String[] { "skip-sanitize-payload" }),
				Arguments.of((Object) new String[] { "sanitize-payload", "skip-sanitize-payload" }),
				Arguments.of((Object) new String[] { "on", ">p", "~k*", "&c*", "+@all", "(+get)", "reset" }),
				Arguments.of((Object) new String[] { "on", ">p", "~k*", "+get", "bad", "+set" }));
	}

	@ParameterizedTest
	@MethodSource("ruleSets")
	void setuserRepliesAndDescribesAsRedis(String[] rules) {
		String[] cmd = concat(new String[] { "ACL", "SETUSER", "t" }, rules);
		admin.both(cmd);
		// a second application to an existing user
		admin.both(cmd);
		for (int protocol : new int[] { 3, 2 }) {
			admin.both("HELLO", Integer.toString(protocol));
			admin.both("ACL", "GETUSER", "t");
		}
		admin.both("ACL", "LIST");
	}

	@Test
	void usernamesWithSpacesAndTheDefaultUserAsRedis() {
		admin.both("ACL", "SETUSER", "a b");
		admin.both("ACL", "SETUSER", "a\u0000b");
		admin.both("ACL", "SETUSER", "");
		admin.both("ACL", "GETUSER", "nobody");
		admin.both("ACL", "GETUSER", "default");
		admin.both("ACL", "DELUSER", "default");
		admin.both("ACL", "DELUSER", "nobody", "default");
		admin.both("ACL", "SETUSER", "b", "on");
		admin.both("ACL", "SETUSER", "a", "on");
		admin.both("ACL", "SETUSER", "B", "on");
		admin.both("ACL", "USERS");
		admin.both("ACL", "DELUSER", "a", "nobody", "b");
		admin.both("ACL", "LIST");
		admin.both("ACL", "SETUSER");
		admin.both("ACL", "GETUSER");
		admin.both("ACL", "GETUSER", "a", "b");
		admin.both("ACL", "DELUSER");
		admin.both("ACL", "NOSUCH");
		admin.both("ACL");
		admin.both("ACL", "LOAD");
		admin.both("ACL", "SAVE");
		admin.both("ACL", "HELP");
		admin.both("ACL", "WHOAMI");
		admin.both("ACL", "WHOAMI", "x");
	}

	// ------------------------------------------------------------------ CAT, GENPASS

	@Test
	void catListsRedisCategories() {
		admin.both("ACL", "CAT");
		admin.both("ACL", "CAT", "nosuch");
		admin.both("ACL", "CAT", "read", "write");
		admin.both("ACL", "CAT", "x".repeat(200));
	}

	@ParameterizedTest
	@ValueSource(strings = { "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap",
			"hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection",
			"transaction", "scripting", "READ" })
	void catOfCategoryListsRedisCommands(String category) {
		TreeSet<String> fromEngine = texts(admin.engine.call("ACL", "CAT", category));
		// the engine's commands of later Redis versions (CLIENT SETINFO)
		fromEngine.removeIf(name -> admin.redis.call("ACL", "SETUSER", "probe", "+" + name).isError());
		assertThat(fromEngine).isEqualTo(texts(admin.redis.call("ACL", "CAT", category)));
	}

	@Test
	void genpassHasRedisLengthsAndErrors() {
		for (String bits : List.of("1", "3", "4", "5", "8", "255", "256", "257", "4095", "4096")) {
			assertThat(admin.engine.call("ACL", "GENPASS", bits).text())
				.hasSameSizeAs(admin.redis.call("ACL", "GENPASS", bits).text())
				.matches("[0-9a-f]+");
		}
		assertThat(admin.engine.call("ACL", "GENPASS").text()).hasSize(64);
		for (String bits : List.of("0", "-1", "4097", "x", "1.5", "9223372036854775808")) {
			admin.both("ACL", "GENPASS", bits);
		}
		admin.both("ACL", "GENPASS", "1", "2");
	}

	// ------------------------------------------------------------------ checks

	@Test
	void dryrunAsRedis() {
		admin.both("ACL", "SETUSER", "d", "on", "nopass", "+@all", "-del", "-client|kill", "~a*", "%R~r*", "%W~w*",
				"resetchannels", "&c*");
		admin.both("ACL", "DRYRUN", "nobody", "get", "a");
		admin.both("ACL", "DRYRUN", "d", "nosuch");
		admin.both("ACL", "DRYRUN", "d", "get");
		admin.both("ACL", "DRYRUN", "d", "client");
		admin.both("ACL", "DRYRUN", "d", "client", "nosuch");
		admin.both("ACL", "DRYRUN", "d", "get", "a1");
		admin.both("ACL", "DRYRUN", "d", "GET", "b1");
		admin.both("ACL", "DRYRUN", "d", "get", "r1");
		admin.both("ACL", "DRYRUN", "d", "get", "w1");
		admin.both("ACL", "DRYRUN", "d", "set", "w1", "v");
		admin.both("ACL", "DRYRUN", "d", "set", "r1", "v");
		admin.both("ACL", "DRYRUN", "d", "set", "w1", "v", "GET");
		admin.both("ACL", "DRYRUN", "d", "del", "a1");
		admin.both("ACL", "DRYRUN", "d", "client", "kill", "id", "1");
		admin.both("ACL", "DRYRUN", "d", "client", "id");
		admin.both("ACL", "DRYRUN", "d", "mget", "a", "b", "c");
		admin.both("ACL", "DRYRUN", "d", "mset", "a", "1", "b", "2");
		admin.both("ACL", "DRYRUN", "d", "copy", "r1", "w1");
		admin.both("ACL", "DRYRUN", "d", "copy", "w1", "r1");
		admin.both("ACL", "DRYRUN", "d", "lmove", "r1", "w1", "left", "right");
		admin.both("ACL", "DRYRUN", "d", "eval", "return 1", "2", "a", "z");
		admin.both("ACL", "DRYRUN", "d", "zunionstore", "a", "2", "a1", "zz");
		admin.both("ACL", "DRYRUN", "d", "publish", "c1", "m");
		admin.both("ACL", "DRYRUN", "d", "publish", "d1", "m");
		admin.both("ACL", "DRYRUN", "d", "subscribe", "c1", "d1");
		admin.both("ACL", "DRYRUN", "d", "psubscribe", "c*", "c1");
		admin.both("ACL", "DRYRUN", "d", "ssubscribe", "c1", "c2");
		admin.both("ACL", "DRYRUN", "d", "spublish", "x", "m");
		admin.both("ACL", "DRYRUN", "d", "unsubscribe", "x");
		admin.both("ACL", "DRYRUN", "default", "flushall");
	}

	@Test
	void commandSubcommandKeyAndChannelDenialsAsRedis() {
		admin.both("ACL", "SETUSER", "u", "on", ">p", "+@all", "-flushall", "-client|kill", "-@dangerous", "+keys",
				"~a*", "%R~r*", "%W~w*", "resetchannels", "&c*", "(+flushall ~z*)");
		admin.both("SET", "r1", "v");
		Pair u = connect("u", "p");
		u.both("ACL", "WHOAMI");
		u.both("GET", "a1");
		u.both("GET", "b1");
		u.both("GET", "r1");
		u.both("GET", "w1");
		u.both("SET", "w1", "v");
		u.both("SET", "r1", "v");
		u.both("SET", "w1", "v", "GET");
		u.both("APPEND", "w1", "x");
		u.both("MGET", "a1", "r1", "b1");
		u.both("MSET", "a1", "1", "w1", "2");
		u.both("LPUSH", "w2", "x");
		u.both("LMOVE", "r1", "w1", "LEFT", "RIGHT");
		u.both("DEL", "r1");
		u.both("FLUSHALL");
		u.both("CLIENT", "KILL", "ID", "99999");
		u.both("CLIENT", "GETNAME");
		u.both("CONFIG", "GET", "maxmemory");
		u.both("KEYS", "*");
		u.both("PUBLISH", "c1", "m");
		u.both("PUBLISH", "d1", "m");
		u.both("SPUBLISH", "d1", "m");
		u.both("EVAL", "return redis.call('get', KEYS[1])", "1", "a1");
		u.both("EVAL", "return redis.call('get', KEYS[1])", "1", "b1");
		u.both("EVAL", "return redis.pcall('get', 'b1')", "0");
		u.both("EVAL", "return redis.pcall('publish', 'd', 'm')", "0");
		u.both("EVAL", "return redis.pcall('flushall')", "0");
		u.both("PING");
		u.both("AUTH", "u", "wrong");
		u.both("ACL", "WHOAMI");
		for (String[] sub : List.of(new String[] { "SUBSCRIBE", "c1", "d1" }, new String[] { "PSUBSCRIBE", "c*", "d" },
				new String[] { "PSUBSCRIBE", "c1" }, new String[] { "SSUBSCRIBE", "d" })) {
			Pair s = connect("u", "p");
			s.both(sub);
		}
		assertLogAsRedis(20);
	}

	@Test
	void transactionsLogTheMultiContext() {
		admin.both("ACL", "SETUSER", "m", "on", "nopass", "+@all", "-get", "~*");
		Pair m = connect("m", "x");
		m.both("MULTI");
		m.both("GET", "a");
		m.both("SET", "a", "1");
		m.both("EXEC");
		m.both("MULTI");
		m.both("AUTH", "m", "wrong");
		m.both("DISCARD");
		m.both("MULTI");
		m.both("SET", "a", "1");
		m.both("GET", "b");
		m.both("PUBLISH", "c", "m");
		admin.both("ACL", "SETUSER", "m", "-set", "resetkeys", "~c*", "resetchannels");
		m.both("EXEC");
		assertLogAsRedis(10);
	}

	// ------------------------------------------------------------------ AUTH

	@Test
	void authAndHelloAsRedis() {
		Pair c = connect("default", "anything");
		c.both("AUTH", "pw");
		c.both("AUTH", "nobody", "pw");
		c.both("AUTH", "a", "b", "c");
		admin.both("ACL", "SETUSER", "on1", "on", ">p1", ">p2", "+@all", "~*");
		admin.both("ACL", "SETUSER", "off1", "off", ">p1", "+@all", "~*");
		admin.both("ACL", "SETUSER", "open", "on", "nopass", "+acl|whoami");
		c.both("AUTH", "on1", "p2");
		c.both("ACL", "WHOAMI");
		c.both("AUTH", "on1", "p3");
		c.both("ACL", "WHOAMI");
		c.both("AUTH", "off1", "p1");
		c.both("AUTH", "open", "whatever");
		c.both("ACL", "WHOAMI");
		c.both("GET", "x");
		c.both("HELLO", "3", "AUTH", "on1", "nope");
		c.both("HELLO", "2", "AUTH", "on1", "p1", "SETNAME", "n");
		c.both("ACL", "WHOAMI");
		c.both("RESET");
		c.both("ACL", "WHOAMI");
		assertLogAsRedis(10);
	}

	/**
	 * CONFIG SET requirepass to the value it has is not applied again: a password ACL
	 * SETUSER added meanwhile stays; a new value replaces every password.
	 */
	@Test
	void requirepassSetAgainUnchangedKeepsPasswordsAclAdded() {
		admin.both("CONFIG", "SET", "requirepass", "x");
		admin.both("ACL", "SETUSER", "default", ">y");
		admin.both("CONFIG", "SET", "requirepass", "x");
		admin.both("ACL", "LIST");
		admin.both("CONFIG", "SET", "requirepass", "z");
		admin.both("ACL", "LIST");
		admin.both("CONFIG", "SET", "requirepass", "");
		admin.both("ACL", "LIST");
	}

	@Test
	void requirepassIsTheDefaultUsersPassword() {
		admin.both("CONFIG", "SET", "requirepass", "secret");
		admin.both("ACL", "GETUSER", "default");
		Pair c = new Pair(new RespClient(engine.port()), new RespClient(REDIS.port()));
		opened.add(c);
		c.both("GET", "a");
		c.both("HELLO", "3");
		c.both("AUTH", "wrong");
		c.both("AUTH", "secret");
		c.both("ACL", "WHOAMI");
		c.both("RESET");
		c.both("GET", "a");
		c.both("AUTH", "default", "secret");
		Pair before = new Pair(new RespClient(engine.port()), new RespClient(REDIS.port()));
		opened.add(before);
		before.both("GET", "a");
		admin.both("ACL", "SETUSER", "default", "nopass");
		// authRequired is judged per command: the default user needs no password now, but
		// HELLO still asks an unauthenticated connection to AUTH
		before.both("GET", "a");
		before.both("HELLO", "3");
		Pair d = new Pair(new RespClient(engine.port()), new RespClient(REDIS.port()));
		opened.add(d);
		d.both("GET", "a");
		admin.both("ACL", "SETUSER", "default", "off");
		Pair e = new Pair(new RespClient(engine.port()), new RespClient(REDIS.port()));
		opened.add(e);
		e.both("GET", "a");
		e.both("AUTH", "default", "x");
		admin.both("ACL", "SETUSER", "default", "on");
	}

	@Test
	void deletingAUserClosesItsConnections() {
		admin.both("ACL", "SETUSER", "gone", "on", "nopass", "+@all", "~*");
		Pair other = connect("gone", "x");
		Pair self = connect("gone", "x");
		self.both("ACL", "DELUSER", "gone");
		assertThat(self.engine.isClosedByServer()).isTrue();
		assertThat(self.redis.isClosedByServer()).isTrue();
		assertThat(other.engine.isClosedByServer()).isTrue();
		assertThat(other.redis.isClosedByServer()).isTrue();
	}

	@Test
	void setuserSecretsAreRedactedInTheSlowLog() {
		admin.both("CONFIG", "SET", "slowlog-log-slower-than", "0");
		try {
			admin.both("SLOWLOG", "RESET");
			admin.both("ACL", "SETUSER", "secretive", "on", ">hunter2", "~*");
			List<Resp> engineEntry = admin.engine.call("SLOWLOG", "GET", "1").items().get(0).items();
			List<Resp> redisEntry = admin.redis.call("SLOWLOG", "GET", "1").items().get(0).items();
			assertThat(engineEntry.get(3)).isEqualTo(redisEntry.get(3));
			assertThat(engineEntry.get(3).toString()).doesNotContain("hunter2");
		}
		finally {
			admin.both("CONFIG", "SET", "slowlog-log-slower-than", "10000");
		}
	}

	@Test
	void revokingChannelsClosesTheSubscribersThatUseThem() {
		admin.both("ACL", "SETUSER", "sub", "on", "nopass", "+@all", "~*", "resetchannels", "&news.*", "&sport");
		Pair news = connect("sub", "x");
		news.both("SUBSCRIBE", "news.1");
		Pair pattern = connect("sub", "x");
		pattern.both("PSUBSCRIBE", "news.*");
		Pair sport = connect("sub", "x");
		sport.both("SUBSCRIBE", "sport");
		Pair idle = connect("sub", "x");
		admin.both("ACL", "SETUSER", "sub", "&weather");
		admin.both("ACL", "SETUSER", "sub", "resetchannels", "&news.1", "&weather");
		for (Pair closed : List.of(pattern, sport)) {
			assertThat(closed.engine.isClosedByServer()).isTrue();
			assertThat(closed.redis.isClosedByServer()).isTrue();
		}
		news.both("PING");
		idle.both("PING");
	}

	@Test
	void aclPubsubDefaultShapesNewUsersSelectorsAndReset() {
		admin.both("CONFIG", "SET", "acl-pubsub-default", "allchannels");
		admin.both("CONFIG", "GET", "acl-pubsub-default");
		admin.both("ACL", "SETUSER", "pd", "on", "nopass", "+@all", "~*");
		admin.both("ACL", "SETUSER", "pd", "(+get ~a)");
		admin.both("ACL", "LIST");
		admin.both("ACL", "SETUSER", "pd", "reset");
		admin.both("ACL", "GETUSER", "pd");
		admin.both("CONFIG", "SET", "acl-pubsub-default", "resetchannels");
		admin.both("ACL", "SETUSER", "pd", "(+set ~b)");
		admin.both("ACL", "LIST");
		admin.both("ACL", "SETUSER", "pd2", "on");
		admin.both("ACL", "GETUSER", "pd2");
		admin.both("CONFIG", "SET", "acl-pubsub-default", "nosuch");
	}

	@Test
	void clientKillByUser() {
		admin.both("ACL", "SETUSER", "k", "on", "nopass", "+@all", "~*");
		Pair k = connect("k", "x");
		admin.both("CLIENT", "KILL", "USER", "nobody");
		admin.both("CLIENT", "KILL", "USER", "k");
		assertThat(k.engine.isClosedByServer()).isTrue();
		assertThat(k.redis.isClosedByServer()).isTrue();
		Pair other = connect("default", "x");
		other.both("CLIENT", "KILL", "USER", "k");
		other.both("ACL", "WHOAMI");
	}

	@Test
	void changingPasswordsKeepsConnectionsAsRedis7() {
		admin.both("ACL", "SETUSER", "kept", "on", ">p", "+@all", "~*");
		Pair c = connect("kept", "p");
		admin.both("ACL", "SETUSER", "kept", "resetpass", ">q");
		c.both("PING");
		admin.both("ACL", "SETUSER", "kept", "off", "-ping");
		c.both("PING");
		c.both("ACL", "WHOAMI");
	}

	@Test
	void logCountsAndResetsAsRedis() {
		admin.both("ACL", "SETUSER", "l", "on", "nopass", "-@all", "+acl", "~*");
		Pair l = connect("l", "x");
		for (int i = 0; i < 3; i++) {
			l.both("GET", "a");
		}
		l.both("SET", "a", "b");
		admin.both("CONFIG", "SET", "acllog-max-len", "1");
		admin.both("CONFIG", "GET", "acllog-max-len");
		l.both("DEL", "a");
		assertLogAsRedis(10);
		admin.both("CONFIG", "SET", "acllog-max-len", "128");
		admin.both("ACL", "LOG", "x");
		admin.both("ACL", "LOG", "-1");
		admin.both("ACL", "LOG", "0");
		admin.both("ACL", "LOG", "1", "2");
		admin.both("ACL", "LOG", "RESET");
		admin.both("ACL", "LOG");
	}

	// ------------------------------------------------------------------ support

	/** ACL LOG on both, without ages and with only the stable client-info fields. */
	private void assertLogAsRedis(int count) {
		assertThat(logEntries(admin.engine, count)).isEqualTo(logEntries(admin.redis, count));
	}

	private static List<Map<String, String>> logEntries(RespClient c, int count) {
		List<Map<String, String>> out = new ArrayList<>();
		for (Resp entry : c.call("ACL", "LOG", Integer.toString(count)).items()) {
			Map<String, String> fields = new LinkedHashMap<>();
			List<Resp> kv = entry.items();
			for (int i = 0; i < kv.size(); i += 2) {
				String key = kv.get(i).text();
				String value = kv.get(i + 1).text();
				if (key.equals("age-seconds")) {
					value = "age";
				}
				else if (key.equals("client-info")) {
					value = stableClientInfo(value);
				}
				fields.put(key, value);
			}
			out.add(fields);
		}
		return out;
	}

	private static String stableClientInfo(String info) {
		List<String> kept = new ArrayList<>();
		for (String field : info.split(" ")) {
			if (field.startsWith("name=") || field.startsWith("db=") || field.startsWith("cmd=")
					|| field.startsWith("user=") || field.startsWith("multi=") || field.startsWith("resp=")
					|| field.startsWith("flags=")) {
				kept.add(field);
			}
		}
		return String.join(" ", kept);
	}

	private static TreeSet<String> texts(Resp array) {
		TreeSet<String> out = new TreeSet<>();
		array.items().forEach(r -> out.add(r.text()));
		return out;
	}

	private static String[] concat(String[] a, String[] b) {
		String[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/**
	 * Sorts each run of single-command rules ("+get -set") in a description: Redis emits
	 * them in its command dict's hash order.
	 */
	static Resp normalize(Resp r) {
		if (r.items() != null) {
			return new Resp(r.type(), r.text(), r.items().stream().map(AclDifferentialTest::normalize).toList());
		}
		if (r.text() == null || !r.text().contains("@all")) {
			return r;
		}
		String[] tokens = r.text().split(" ", -1);
		List<String> out = new ArrayList<>();
		List<String> run = new ArrayList<>();
		for (String t : tokens) {
			boolean single = (t.startsWith("+") || t.startsWith("-")) && !t.startsWith("+@") && !t.startsWith("-@");
			if (single) {
				run.add(t.endsWith(")") ? t.substring(0, t.length() - 1) : t);
				if (t.endsWith(")")) {
					run.sort(null);
					out.addAll(run);
					run.clear();
					out.add(")");
				}
				continue;
			}
			run.sort(null);
			out.addAll(run);
			run.clear();
			out.add(t);
		}
		run.sort(null);
		out.addAll(run);
		return new Resp(r.type(), String.join(" ", out), null);
	}

	/** The same command line on the engine and on Redis. */
	record Pair(RespClient engine, RespClient redis) {

		Resp both(String... args) {
			Resp fromEngine = engine.call(args);
			Resp fromRedis = redis.call(args);
			assertThat(withoutClientId(normalize(fromEngine))).as(String.join(" ", args))
				.isEqualTo(withoutClientId(normalize(fromRedis)));
			return fromEngine;
		}

		/** HELLO's reply names the connection's id, each server's own. */
		private static Resp withoutClientId(Resp r) {
			if (r.items() == null || r.items().size() < 8 || !"id".equals(r.items().get(6).text())) {
				return r;
			}
			List<Resp> items = new ArrayList<>(r.items());
			items.set(7, new Resp(':', "id", null));
			return new Resp(r.type(), r.text(), items);
		}

		void close() {
			engine.close();
			redis.close();
		}

	}

}
