package dev.larder.engine.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.Command;
import dev.larder.engine.command.EngineCore;
import dev.larder.engine.EngineConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule parser and the checks, without a server: what each rule does to a user, the
 * errors of bad rules, and the permission checks of commands, keys and channels.
 */
class AclRulesTest {

	private static final EngineCore CORE = new EngineCore(EngineConfig.builder().build());

	private final CommandCatalog catalog = CORE.acl().catalog();

	private UserRules user(String... rules) throws AclRuleException {
		UserRules u = new UserRules(catalog, false);
		for (String r : rules) {
			u.apply(r.getBytes(StandardCharsets.UTF_8));
		}
		return u.seal();
	}

	private String reason(String... rules) {
		try {
			user(rules);
			return "OK";
		}
		catch (AclRuleException e) {
			return e.reason();
		}
	}

	private int check(UserRules u, String... args) {
		byte[][] argv = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		Command c = CORE.table().lookup(argv[0]);
		if (c != null && c.hasSubcommands()) {
			c = c.subcommand(args[1].toLowerCase(java.util.Locale.ROOT));
		}
		return Selector.reason(Acl.check(u, c, argv));
	}

	@Test
	void aNewUserIsOffWithoutPasswordsAndAllowsNothing() throws AclRuleException {
		UserRules u = user();
		assertThat(u.enabled).isFalse();
		assertThat(u.nopass).isFalse();
		assertThat(u.accepts(new byte[0])).isFalse();
		assertThat(u.describe(new RuleDescriber(catalog))).isEqualTo("off resetchannels -@all");
		assertThat(check(u, "PING")).isEqualTo(Selector.DENIED_CMD);
		assertThat(check(u, "AUTH", "x")).as("no_auth commands need no permission").isEqualTo(Selector.OK);
	}

	@Test
	void passwordsAreKeptAsSha256Hex() throws AclRuleException {
		UserRules u = user(">secret", ">other", ">secret");
		assertThat(u.passwords).containsExactly(PasswordHash.of("secret".getBytes(StandardCharsets.UTF_8), 0),
				PasswordHash.of("other".getBytes(StandardCharsets.UTF_8), 0));
		assertThat(u.passwords.get(0)).hasSize(64).matches("[0-9a-f]+");
		assertThat(u.accepts("secret".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(u.accepts("nope".getBytes(StandardCharsets.UTF_8))).isFalse();
		UserRules byHash = user("#" + u.passwords.get(1), "!" + u.passwords.get(1), "nopass");
		assertThat(byHash.passwords).isEmpty();
		assertThat(byHash.accepts("anything".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(user("nopass", "resetpass").accepts(new byte[0])).isFalse();
		assertThat(user(">").passwords)
			.containsExactly("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void badRulesHaveRedisReasons() {
		String hash = "a".repeat(64);
		assertThat(reason("#" + hash)).isEqualTo("OK");
		assertThat(reason("#" + hash.substring(1))).isEqualTo(AclRuleException.BAD_HASH);
		assertThat(reason("#" + hash + "a")).isEqualTo(AclRuleException.BAD_HASH);
		assertThat(reason("#" + "A".repeat(64))).isEqualTo(AclRuleException.BAD_HASH);
		assertThat(reason("!" + hash)).isEqualTo(AclRuleException.NO_SUCH_PASSWORD);
		assertThat(reason("<nope")).isEqualTo(AclRuleException.NO_SUCH_PASSWORD);
		assertThat(reason("bogus")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("+nosuch")).isEqualTo(AclRuleException.UNKNOWN);
		assertThat(reason("-@nosuch")).isEqualTo(AclRuleException.UNKNOWN);
		assertThat(reason("+client|nosuch")).isEqualTo(AclRuleException.UNKNOWN);
		assertThat(reason("+client|id|x")).isEqualTo(AclRuleException.FIRST_ARG_OF_SUBCOMMAND);
		assertThat(reason("+select|")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("-select|0")).isEqualTo(AclRuleException.UNKNOWN);
		assertThat(reason("%")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("%~k")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("%RR~k")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("%Rx~k")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("~a\nb")).isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("allkeys", "~k")).isEqualTo(AclRuleException.KEYS_AFTER_ALL);
		assertThat(reason("&*", "&c")).isEqualTo(AclRuleException.CHANNELS_AFTER_ALL);
		assertThat(reason("(+get ~a", "+set)")).as("a selector is one rule once merged")
			.isEqualTo(AclRuleException.SYNTAX);
		assertThat(reason("(+nosuch)")).isEqualTo(AclRuleException.UNKNOWN);
		assertThat(reason("")).isEqualTo("OK");
		assertThat(reason("+xadd", "-debug")).as("Redis commands the engine lacks").isEqualTo("OK");
	}

	@Test
	void keyPatternsGrantReadWriteOrBoth() throws AclRuleException {
		UserRules u = user("on", "+@all", "%R~r*", "%W~w*", "~b*", "%R~b*");
		assertThat(u.root().patterns).extracting(KeyPattern::describe).containsExactly("%R~r*", "%W~w*", "~b*");
		assertThat(check(u, "GET", "r1")).isEqualTo(Selector.OK);
		assertThat(check(u, "GET", "w1")).isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "SET", "w1", "v")).as("SET's key is OW+update: write").isEqualTo(Selector.OK);
		assertThat(check(u, "SET", "r1", "v")).isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "SET", "w1", "v", "GET")).as("with GET it also reads").isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "SET", "b1", "v", "GET")).isEqualTo(Selector.OK);
		assertThat(check(u, "DEL", "r1")).as("RM with delete: write").isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "DEL", "w1")).isEqualTo(Selector.OK);
		assertThat(check(u, "EXISTS", "x")).isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "MGET", "r1", "b2", "z")).isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "KEYS", "*")).as("no key arguments").isEqualTo(Selector.OK);
		assertThat(check(user("on", "+@all", "allkeys"), "GET", "anything")).isEqualTo(Selector.OK);
	}

	@Test
	void channelsAreMatchedAndPatternsComparedLiterally() throws AclRuleException {
		UserRules u = user("on", "+@all", "~*", "resetchannels", "&news.*");
		assertThat(check(u, "PUBLISH", "news.1", "m")).isEqualTo(Selector.OK);
		assertThat(check(u, "PUBLISH", "sport", "m")).isEqualTo(Selector.DENIED_CHANNEL);
		assertThat(check(u, "SUBSCRIBE", "news.1", "sport")).isEqualTo(Selector.DENIED_CHANNEL);
		assertThat(check(u, "PSUBSCRIBE", "news.*")).isEqualTo(Selector.OK);
		assertThat(check(u, "PSUBSCRIBE", "news.1")).as("a pattern must be one of the user's")
			.isEqualTo(Selector.DENIED_CHANNEL);
		assertThat(check(u, "UNSUBSCRIBE", "sport")).isEqualTo(Selector.OK);
	}

	@Test
	void subcommandsAndFirstArguments() throws AclRuleException {
		UserRules u = user("on", "~*", "+client", "-client|kill", "+select|0");
		assertThat(check(u, "CLIENT", "ID")).isEqualTo(Selector.OK);
		assertThat(check(u, "CLIENT", "KILL", "ID", "1")).isEqualTo(Selector.DENIED_CMD);
		assertThat(check(u, "SELECT", "0")).isEqualTo(Selector.OK);
		assertThat(check(u, "SELECT", "1")).isEqualTo(Selector.DENIED_CMD);
		assertThat(new RuleDescriber(catalog).describe(u.root())).startsWith("-@all ")
			.contains("+client", "-client|kill", "+select|0");
	}

	@Test
	void selectorsAllowWhatAnyAllowsAndReportTheMostSpecificDenial() throws AclRuleException {
		UserRules u = user("on", "+get", "~a*", "(+set ~b*)", "(+publish resetchannels &c)");
		assertThat(check(u, "GET", "a1")).isEqualTo(Selector.OK);
		assertThat(check(u, "SET", "b1", "v")).isEqualTo(Selector.OK);
		assertThat(check(u, "SET", "a1", "v")).isEqualTo(Selector.DENIED_KEY);
		assertThat(check(u, "PUBLISH", "d", "m")).isEqualTo(Selector.DENIED_CHANNEL);
		assertThat(check(u, "DEL", "a1")).isEqualTo(Selector.DENIED_CMD);
		assertThat(user("on", "(+get)", "clearselectors").selectors).hasSize(1);
	}

	@Test
	void resetReturnsToANewUserWithSanitizePayload() throws AclRuleException {
		UserRules u = user("on", ">p", "~*", "&*", "+@all", "(+get)", "reset");
		assertThat(u.describe(new RuleDescriber(catalog))).isEqualTo("off sanitize-payload resetchannels -@all");
	}

	@Test
	void unrestrictedOnlyWithAllCommandsKeysAndChannels() throws AclRuleException {
		assertThat(user("on", "nopass", "+@all", "~*", "&*").unrestricted).isTrue();
		assertThat(user("on", "nopass", "+@all", "~*").unrestricted).isFalse();
		assertThat(user("on", "nopass", "+@all", "-get", "+get", "~*", "&*").unrestricted)
			.as("clearing a bit loses allcommands, as in Redis")
			.isFalse();
	}

	@Test
	void mergesSelectorsSpreadOverArguments() {
		List<byte[]> merged = RuleArguments
			.mergeSelectors(List.of(bytes("on"), bytes("(+get"), bytes("~a)"), bytes("(+set)")));
		assertThat(merged).extracting(b -> new String(b, StandardCharsets.UTF_8))
			.containsExactly("on", "(+get ~a)", "(+set)");
		assertThat(RuleArguments.mergeSelectors(List.of(bytes("(+get"), bytes("~a")))).isNull();
		assertThat(RuleArguments.unmatchedIndex(List.of(bytes("on"), bytes("(+get"), bytes("~a")))).isEqualTo(1);
	}

	@Test
	void configuredUsersFailWithRedisDeclarationErrors() {
		Acl acl = CORE.acl();
		assertThatThrownBy(() -> acl.configure(List.of("bob on +nosuch"))).isInstanceOf(InvalidUserException.class)
			.hasMessage("Error in user declaration '+nosuch': Unknown command or category name in ACL")
			.extracting(e -> ((InvalidUserException) e).user())
			.isEqualTo("bob");
		assertThatThrownBy(() -> acl.configure(List.of("carl on", "carl off")))
			.hasMessageContaining("Duplicate user found");
		acl.configure(List.of("dora on >pw ~d:* (+get ~x*) +@read"));
		assertThat(acl.user("dora")).isNotNull();
	}

	@Test
	void denialsAreCountedByReason() throws AclRuleException {
		Acl acl = new EngineCore(EngineConfig.builder().build()).acl();
		acl.setUser("s", List.of(bytes("on"), bytes("nopass"), bytes("+get"), bytes("+publish"), bytes("~a")));
		ClientSession session = new ClientSession(1, false, "test", "test", 0);
		assertThat(acl.authenticate(session, bytes("s"), bytes("x"), bytes("auth"))).isTrue();
		assertThat(acl.authenticate(session, bytes("nobody"), bytes("x"), bytes("auth"))).isFalse();
		assertThat(acl.refusal(session, command("SET"), args("SET", "a", "b"))).startsWith("NOPERM");
		assertThat(acl.refusal(session, command("GET"), args("GET", "b"))).startsWith("NOPERM");
		assertThat(acl.refusal(session, command("PUBLISH"), args("PUBLISH", "c", "m"))).startsWith("NOPERM");
		assertThat(acl.refusal(session, command("GET"), args("GET", "a"))).isNull();
		assertThat(List.of(acl.deniedAuth(), acl.deniedCommand(), acl.deniedKey(), acl.deniedChannel()))
			.containsExactly(1L, 1L, 1L, 1L);
	}

	private static Command command(String name) {
		return java.util.Objects.requireNonNull(CORE.table().lookup(name));
	}

	private static byte[][] args(String... args) {
		byte[][] out = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			out[i] = bytes(args[i]);
		}
		return out;
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
