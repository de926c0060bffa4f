package dev.larder.engine.acl;

import dev.larder.engine.command.ClientControl;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.Command;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.pubsub.PubSub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's users and what each may do (Redis's Users table and DefaultUser): the
 * permission check every command passes, authentication, the ACL log and its counters.
 *
 * <p>
 * A network session starts as the "default" user; in-process sessions have no user and
 * may run anything, as Redis's internal clients. The check costs one volatile read for a
 * user allowed everything (the default user, unless restricted), and a bitmap test plus a
 * pattern match per key otherwise.
 */
public final class Acl {

	public static final String DEFAULT_USER = "default";

	static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

	private final CommandCatalog catalog;

	private final RuleDescriber describer;

	/** By name, in byte order as Redis's rax. */
	private final Map<String, AclUser> users = new ConcurrentSkipListMap<>();

	private final AclUser defaultUser;

	private final AclLog log = new AclLog();

	private final Supplier<Iterable<ClientSession>> clients;

	private final BiFunction<ClientSession, Long, String> clientInfo;

	private final LongSupplier clock;

	private final PubSub pubsub;

	/** acl-pubsub-default: allchannels (true) or resetchannels (Redis 7.0's default). */
	private volatile boolean pubsubAllChannels;

	final LongAdder deniedAuth = new LongAdder();

	final LongAdder deniedCommand = new LongAdder();

	final LongAdder deniedKey = new LongAdder();

	final LongAdder deniedChannel = new LongAdder();

	/**
	 * @param table the complete command table
	 * @param clients the connected clients (to close those of a deleted user)
	 * @param clientInfo CLIENT INFO's line of a session at a time, for the ACL log
	 * @param clock milliseconds, for the ACL log's ages
	 * @param pubsub the subscriptions (to close subscribers that lose their channels)
	 */
	public Acl(CommandTable table, Supplier<Iterable<ClientSession>> clients,
			BiFunction<ClientSession, Long, String> clientInfo, LongSupplier clock, PubSub pubsub) {
		this.catalog = new CommandCatalog(table);
		this.describer = new RuleDescriber(catalog);
		this.clients = clients;
		this.clientInfo = clientInfo;
		this.clock = clock;
		this.pubsub = pubsub;
		UserRules rules = new UserRules(catalog, false);
		try {
			for (String rule : List.of("+@all", "~*", "&*", "on", "nopass")) {
				rules.apply(Bytes.utf8(rule));
			}
		}
		catch (AclRuleException e) {
			throw new IllegalStateException(e);
		}
		this.defaultUser = new AclUser(DEFAULT_USER, rules);
		users.put(DEFAULT_USER, defaultUser);
	}

	// ------------------------------------------------------------------ users

	public AclUser defaultUser() {
		return defaultUser;
	}

	public @Nullable AclUser user(String name) {
		return users.get(name);
	}

	Map<String, AclUser> users() {
		return users;
	}

	CommandCatalog catalog() {
		return catalog;
	}

	RuleDescriber describer() {
		return describer;
	}

	AclLog log() {
		return log;
	}

	/**
	 * ACL SETUSER's effect: applies {@code rules} (merged selectors) to a copy of the
	 * user, or of a new one, and publishes the copy only when every rule applied.
	 * @throws AclRuleException naming the rule that failed and why
	 */
	public synchronized void setUser(String name, List<byte[]> rules) throws AclRuleException {
		setUser(name, rules, null);
	}

	/**
	 * {@link #setUser(String, List)} from a client's ACL SETUSER: the user's subscribed
	 * clients that lose a channel are closed, {@code current} after its reply.
	 */
	synchronized void setUser(String name, List<byte[]> rules, @Nullable ClientSession current)
			throws AclRuleException {
		AclUser existing = users.get(name);
		UserRules staged = existing == null ? new UserRules(catalog, pubsubAllChannels) : existing.rules().copy();
		staged.allChannelsByDefault = pubsubAllChannels;
		for (byte[] rule : rules) {
			try {
				staged.apply(rule);
			}
			catch (AclRuleException e) {
				throw new AclRuleException(new String(rule, StandardCharsets.UTF_8), e.reason());
			}
		}
		if (existing == null) {
			users.put(name, new AclUser(name, staged));
		}
		else {
			UserRules original = existing.rules();
			existing.rules(staged);
			new RevokedChannels(original, staged).closeViolators(existing, clients.get(), pubsub, current);
		}
	}

	/**
	 * Creates the users of the engine's configuration, each line as Redis's {@code user}
	 * directive without the word "user": the name, then rules separated by spaces (a
	 * selector in parentheses may hold spaces). A line for "default" resets the default
	 * user first, as Redis's ACLLoadConfiguredUsers.
	 * @throws InvalidUserException on a bad line, with Redis's "Error in user declaration
	 * '<rule>': <reason>"
	 */
	public synchronized void configure(List<String> lines) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String line : lines) {
			String[] words = line.trim().split("\\s+");
			String name = words[0];
			if (name.isEmpty()) {
				throw new InvalidUserException(name,
						"Error in user declaration '" + line + "': a user line starts with " + "the user's name");
			}
			if (!seen.add(name)) {
				throw new InvalidUserException(name, "Error in user declaration '" + name
						+ "': Duplicate user found. A user can only be defined once in config files");
			}
			List<byte[]> args = new ArrayList<>();
			for (int i = 1; i < words.length; i++) {
				args.add(Bytes.utf8(words[i]));
			}
			List<byte[]> merged = RuleArguments.mergeSelectors(args);
			if (merged == null) {
				throw new InvalidUserException(name, "Error in user declaration '"
						+ words[RuleArguments.unmatchedIndex(args) + 1] + "': Unmatched parenthesis in selector");
			}
			if (name.equals(DEFAULT_USER)) {
				merged.add(0, Bytes.utf8("reset"));
			}
			try {
				setUser(name, merged);
			}
			catch (AclRuleException e) {
				throw new InvalidUserException(name, "Error in user declaration '" + e.rule() + "': " + e.reason());
			}
		}
	}

	/**
	 * ACL DELUSER of one user: forgets it and closes its clients (the current one after
	 * its reply); false when there is no such user.
	 */
	synchronized boolean delete(String name, ClientSession current) {
		AclUser u = users.remove(name);
		if (u == null) {
			return false;
		}
		for (ClientSession s : clients.get()) {
			if (s.user() == u) {
				s.user(defaultUser);
				s.authenticated(false);
				close(s, current);
			}
		}
		return true;
	}

	/** Closes {@code s} now, or after its reply when it is the one asking. */
	static void close(ClientSession s, @Nullable ClientSession current) {
		if (s == current) {
			s.requestClose();
			return;
		}
		ClientControl.Connection conn = s.control().connection();
		if (conn != null) {
			conn.kill();
		}
	}

	/** requirepass: the default user's only password, or nopass when null. */
	public synchronized void defaultPassword(@Nullable String password) {
		UserRules rules = defaultUser.rules().copy();
		try {
			rules.apply(Bytes.utf8("resetpass"));
			rules.apply(password == null ? Bytes.utf8("nopass") : Bytes.utf8(">" + password));
		}
		catch (AclRuleException e) {
			throw new IllegalStateException(e);
		}
		defaultUser.rules(rules);
	}

	/**
	 * Whether a new connection starts authenticated: the default user is on and nopass
	 * (and, per command, whether an unauthenticated one must still AUTH: Redis's
	 * authRequired).
	 */
	public boolean defaultUserOpen() {
		UserRules r = defaultUser.rules();
		return r.nopass && r.enabled;
	}

	/** The default user needs no password (AUTH with one argument is then refused). */
	public boolean defaultUserNopass() {
		return defaultUser.rules().nopass;
	}

	/** What RESET leaves: the default user, authenticated when it is open. */
	public void reset(ClientSession s) {
		if (s.user() != null) {
			s.user(defaultUser);
			s.authenticated(defaultUserOpen());
		}
	}

	// ------------------------------------------------------------------ auth

	/**
	 * ACLAuthenticateUser: on success the session becomes the user, authenticated; a
	 * failure is logged (reason auth, object the command's name as sent) and counted.
	 */
	public boolean authenticate(ClientSession s, byte[] username, byte[] password, byte[] commandName) {
		String name = Bytes.string(username);
		AclUser u = users.get(name);
		if (u != null) {
			UserRules r = u.rules();
			if (r.enabled && r.accepts(password)) {
				s.authenticated(true);
				s.user(u);
				return true;
			}
		}
		deniedAuth.increment();
		log.add(AclLog.REASON_AUTH, s.inMulti() ? "multi" : "toplevel", Bytes.string(commandName), name,
				clock.getAsLong(), clientInfo.apply(s, clock.getAsLong()));
		return false;
	}

	// ------------------------------------------------------------------ checks

	/**
	 * The executor's check (processCommand's ACLCheckAllPerm): null when the session's
	 * user may run the command on these keys and channels, else the NOPERM error, logged
	 * and counted.
	 */
	public @Nullable String refusal(ClientSession s, Command command, byte[][] args) {
		return refuse(s, command, args, s.inMulti() ? "multi" : "toplevel", true, result -> switch (result) {
			case Selector.DENIED_CMD ->
				"NOPERM this user has no permissions to run the '" + command.name() + "' command";
			case Selector.DENIED_KEY ->
				"NOPERM this user has no permissions to access one of the keys used as arguments";
			default -> "NOPERM this user has no permissions to access one of the channels used as arguments";
		});
	}

	/**
	 * A queued command EXEC is about to run (execCommand's second check: the rules may
	 * have changed since it was queued): null, or the error EXEC replies for it.
	 */
	public @Nullable String execRefusal(ClientSession s, Command command, byte[][] args) {
		return refuse(s, command, args, "multi", false,
				result -> "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC "
						+ "call. This command is no longer allowed for the following reason: " + switch (result) {
							case Selector.DENIED_CMD -> "no permission to execute the command or subcommand";
							case Selector.DENIED_KEY -> "no permission to touch the specified keys";
							default -> "no permission to access one of the channels used as arguments";
						});
	}

	/**
	 * A command a script called (scriptVerifyACL), checked against the user that runs the
	 * script: null, or the error redis.call raises.
	 */
	public @Nullable String scriptRefusal(ClientSession caller, Command command, byte[][] args) {
		return refuse(caller, command, args, "lua", false, result -> switch (result) {
			case Selector.DENIED_CMD -> "ERR The user executing the script can't run this command or subcommand";
			case Selector.DENIED_KEY -> "ERR The user executing the script can't access at least one of the keys "
					+ "mentioned in the command arguments";
			default -> "ERR The user executing the script can't publish to the channel mentioned in the command";
		});
	}

	/**
	 * The one check behind the executor's, EXEC's and scripts': null when allowed (or the
	 * session has no user), else the denial logged in {@code context} and answered with
	 * {@code message} of its reason.
	 */
	private @Nullable String refuse(ClientSession s, Command command, byte[][] args, String context,
			boolean setsLastCommand, IntFunction<String> message) {
		AclUser user = s.user();
		if (user == null) {
			return null;
		}
		UserRules rules = user.rules();
		if (rules.unrestricted) {
			return null;
		}
		int verdict = check(rules, command, args);
		if (verdict == Selector.OK) {
			return null;
		}
		int result = Selector.reason(verdict);
		if (setsLastCommand) {
			s.ran(command.name()); // Redis's lastcmd is set before its checks
		}
		denied(result, context, user, command, args, Selector.position(verdict), s);
		return message.apply(result);
	}

	/**
	 * ACLUserCheckCmdWithUnrestrictedKeyAccess as SORT asks it before it reads keys
	 * through BY or GET patterns: whether one of the user's selectors both allows the
	 * command and may read every key (allkeys, or a {@code *} pattern that reads). True
	 * for a session without a user.
	 */
	public boolean unrestrictedKeyRead(ClientSession s, Command command, byte[][] args) {
		AclUser user = s.user();
		if (user == null) {
			return true;
		}
		for (Selector selector : user.rules().selectors) {
			if (selector.readsEveryKey() && selector.check(command, args) == Selector.OK) {
				return true;
			}
		}
		return false;
	}

	/**
	 * ACLCheckAllUserCommandPerm: allowed when any selector allows; else the most
	 * specific denial (channel over key over command), the latest argument on a tie, as a
	 * verdict of {@link Selector#check}.
	 */
	static int check(UserRules rules, Command command, byte[][] args) {
		List<Selector> selectors = rules.selectors;
		if (selectors.size() == 1) {
			return selectors.get(0).check(command, args);
		}
		int relevant = Selector.DENIED_CMD;
		for (Selector s : selectors) {
			int verdict = s.check(command, args);
			if (verdict == Selector.OK) {
				return verdict;
			}
			int reason = Selector.reason(verdict);
			int best = Selector.reason(relevant);
			if (reason > best || reason == best && Selector.position(verdict) > Selector.position(relevant)) {
				relevant = verdict;
			}
		}
		return relevant;
	}

	private void denied(int result, String context, AclUser user, Command command, byte[][] args, int position,
			ClientSession client) {
		String object;
		switch (result) {
			case Selector.DENIED_CMD -> {
				deniedCommand.increment();
				object = command.name();
			}
			case Selector.DENIED_KEY -> {
				deniedKey.increment();
				object = Bytes.string(args[position]);
			}
			default -> {
				deniedChannel.increment();
				object = Bytes.string(args[position]);
			}
		}
		long now = clock.getAsLong();
		log.add(reasonName(result), context, object, user.name(), now, clientInfo.apply(client, now));
	}

	static String reasonName(int result) {
		return switch (result) {
			case Selector.DENIED_CMD -> AclLog.REASON_COMMAND;
			case Selector.DENIED_KEY -> AclLog.REASON_KEY;
			default -> AclLog.REASON_CHANNEL;
		};
	}

	// ------------------------------------------------------------------ stats

	/**
	 * Failed authentications (Redis 7.2's INFO acl_access_denied_auth; Redis 7.0.15,
	 * whose INFO the engine's matches, has no such field).
	 */
	public long deniedAuth() {
		return deniedAuth.sum();
	}

	public long deniedCommand() {
		return deniedCommand.sum();
	}

	public long deniedKey() {
		return deniedKey.sum();
	}

	public long deniedChannel() {
		return deniedChannel.sum();
	}

	/** acl-pubsub-default is allchannels. */
	public boolean pubsubAllChannels() {
		return pubsubAllChannels;
	}

	public void pubsubAllChannels(boolean allChannels) {
		this.pubsubAllChannels = allChannels;
	}

	/** acllog-max-len. */
	public long logMaxLen() {
		return log.maxLen();
	}

	public void logMaxLen(long maxLen) {
		log.maxLen((int) Math.min(maxLen, Integer.MAX_VALUE));
	}

}
