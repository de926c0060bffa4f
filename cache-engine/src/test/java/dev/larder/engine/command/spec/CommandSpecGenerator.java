package dev.larder.engine.command.spec;

import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the Java declarations of the command catalogues ({@link StringCommandSpecs},
 * {@link SortedSetCommandSpecs}, ...) from what a live redis-server 7.0.15 reports in
 * COMMAND INFO and COMMAND DOCS, so that no arity, flag, key spec or summary is typed by
 * hand.
 *
 * <h2>Adding a command to the engine</h2>
 * <ol>
 * <li>Start a Redis 7.0.15 server: {@code redis-server --port 6399 --save ''}.</li>
 * <li>Compile the engine's tests: {@code mvn -B -o -q -pl cache-engine
 * test-compile}.</li>
 * <li>Regenerate the catalogues with the new command's name added (a subcommand is named
 * {@code container|sub}, e.g. {@code client|kill}; a container alone brings all its
 * subcommands), then format them:
 *
 * <pre>
 * java -cp cache-engine/target/classes:cache-engine/target/test-classes \
 *     dev.larder.engine.command.spec.CommandSpecGenerator --port 6399 \
 *     --write cache-engine/src/main/java/dev/larder/engine/command/spec getbit
 * mvn -B -o -q -pl cache-engine spring-javaformat:apply
 * </pre>
 *
 * {@code --write} rewrites every catalogue (one class per Redis group, a new one for a
 * group not seen before, here {@code BitmapCommandSpecs}) from the commands they declare
 * today plus the named ones. Without {@code --write} the declarations are printed
 * instead, for a look first.</li>
 * <li>Bind the handler in the family's {@code register(CommandTable)}, e.g.
 * {@code t.bind(BitmapCommandSpecs.GETBIT, StringCommands::getbit);} (a new family's
 * {@code register} is called from {@code EngineCore}'s constructor). The engine refuses
 * to start while a declared subcommand has no handler.</li>
 * <li>Run {@code CommandTableConformanceTest} (the engine's COMMAND INFO and COMMAND DOCS
 * against the server's; the command leaves the printed list of missing ones) and
 * {@code CommandSpecCataloguesTest} (the catalogues are the generator's output).</li>
 * </ol>
 *
 * <p>
 * What COMMAND INFO does not show must be checked by hand in Redis's
 * {@code src/commands/<name>.json}: the flags Redis hides (may_replicate, sentinel,
 * only_sentinel, protected; the engine uses none of them) and the command's
 * {@code get_keys_function}, which this generator knows for the Redis 7.0 commands listed
 * in {@link #GET_KEYS_PROCS} and warns about otherwise. A command or subcommand the
 * server does not know (added after Redis 7.0) is declared by hand in
 * {@link LaterRedisCommandSpecs}: the generator leaves it there, and a container lists
 * such a subcommand from there. A command Redis 7.0 has is always generated, in its 7.0
 * form.
 */
public final class CommandSpecGenerator {

	/**
	 * Redis 7.0's get_keys_function of the commands that have one and a Java
	 * {@link GetKeysProc} (COMMAND INFO does not show them). Missing so far: MIGRATE,
	 * XREAD and XREADGROUP's procedures.
	 */
	static final Map<String, String> GET_KEYS_PROCS = getKeysProcs();

	private static Map<String, String> getKeysProcs() {
		Map<String, String> procs = new TreeMap<>();
		procs.put("set", "GetKeysProc.SET"); // setGetKeys
		procs.put("bitfield", "GetKeysProc.BITFIELD"); // bitfieldGetKeys
		procs.put("georadius", "GetKeysProc.GEORADIUS"); // georadiusGetKeys
		procs.put("georadiusbymember", "GetKeysProc.GEORADIUS");
		procs.put("sort", "GetKeysProc.SORT"); // sortGetKeys
		procs.put("sort_ro", "GetKeysProc.SORT_RO"); // sortROGetKeys
		// evalGetKeys, functionGetKeys, blmpopGetKeys, bzmpopGetKeys
		for (String name : List.of("eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro", "blmpop",
				"bzmpop")) {
			procs.put(name, "GetKeysProc.numKeys(0, 2, 3)");
		}
		// lmpopGetKeys, zmpopGetKeys, sintercardGetKeys, zunionInterDiffGetKeys
		for (String name : List.of("lmpop", "zmpop", "sintercard", "zintercard", "zunion", "zinter", "zdiff")) {
			procs.put(name, "GetKeysProc.numKeys(0, 1, 2)");
		}
		// zunionInterDiffStoreGetKeys
		for (String name : List.of("zunionstore", "zinterstore", "zdiffstore")) {
			procs.put(name, "GetKeysProc.numKeys(1, 2, 3)");
		}
		return procs;
	}

	private static final String PACKAGE = CommandSpecGenerator.class.getPackageName();

	/** The longest literal that fits on a builder line of 120 columns. */
	private static final int LITERAL_WIDTH = 90;

	private final RespClient client;

	private final Set<String> warnings = new TreeSet<>();

	/** The static imports the declaration being written uses. */
	private Set<String> imports;

	/** One constant's source and the static imports it needs. */
	record Decl(String code, Set<String> imports) {
	}

	private CommandSpecGenerator(RespClient client) {
		this.client = client;
	}

	public static void main(String[] argv) throws IOException {
		String host = "127.0.0.1";
		int port = 6379;
		Path writeTo = null;
		List<String> names = new ArrayList<>();
		for (int i = 0; i < argv.length; i++) {
			switch (argv[i]) {
				case "--host" -> host = argv[++i];
				case "--port" -> port = Integer.parseInt(argv[++i]);
				case "--write" -> writeTo = Path.of(argv[++i]);
				default -> names.add(argv[i].toLowerCase(Locale.ROOT));
			}
		}
		if (writeTo != null) {
			names.addAll(0, declaredNames());
		}
		else {
			// a new subcommand joins the subcommands its container declares already
			for (String declared : declaredNames()) {
				int bar = declared.indexOf('|');
				if (bar > 0 && names.stream().anyMatch(n -> n.startsWith(declared.substring(0, bar + 1)))) {
					names.add(declared);
				}
			}
		}
		if (names.isEmpty()) {
			System.err.println("usage: CommandSpecGenerator [--host h] [--port p] [--write dir] name...");
			System.exit(2);
		}
		try (RespClient client = new RespClient(host, port, 10_000)) {
			CommandSpecGenerator generator = new CommandSpecGenerator(client);
			Map<CommandGroup, Map<String, Decl>> byGroup = generator.declarations(names);
			if (writeTo == null) {
				byGroup.forEach((group, decls) -> {
					System.out.println("// " + className(group));
					decls.values().forEach(d -> System.out.println(d.code()));
				});
			}
			else {
				for (Map.Entry<CommandGroup, Map<String, Decl>> e : byGroup.entrySet()) {
					Path file = writeTo.resolve(className(e.getKey()) + ".java");
					Files.writeString(file, classSource(e.getKey(), e.getValue().values()), StandardCharsets.UTF_8);
					System.err.println("wrote " + file);
				}
			}
			generator.warnings.forEach(w -> System.err.println("warning: " + w));
		}
	}

	/**
	 * The source of each catalogue class that declares some of {@code names}, before
	 * formatting.
	 */
	static Map<CommandGroup, String> catalogues(RespClient client, List<String> names) {
		Map<CommandGroup, String> sources = new TreeMap<>();
		new CommandSpecGenerator(client).declarations(names)
			.forEach((group, decls) -> sources.put(group, classSource(group, decls.values())));
		return sources;
	}

	/** The names the catalogues declare today, "container|sub" for subcommands. */
	static List<String> declaredNames() {
		List<String> names = new ArrayList<>();
		for (CommandGroup group : CommandGroup.values()) {
			Class<?> catalogue;
			try {
				catalogue = Class.forName(PACKAGE + "." + className(group));
			}
			catch (ClassNotFoundException e) {
				continue;
			}
			for (CommandSpec spec : specsOf(catalogue)) {
				if (spec.container() == null) {
					names.add(spec.name());
					spec.subcommands().forEach(sub -> names.add(sub.name()));
				}
			}
		}
		return names;
	}

	/** The names {@link LaterRedisCommandSpecs} declares by hand. */
	static Set<String> laterNames() {
		Set<String> names = new TreeSet<>();
		specsOf(LaterRedisCommandSpecs.class).forEach(spec -> names.add(spec.name()));
		return names;
	}

	/** The public CommandSpec constants of a catalogue class. */
	static List<CommandSpec> specsOf(Class<?> catalogue) {
		List<CommandSpec> specs = new ArrayList<>();
		for (Field f : catalogue.getFields()) {
			if (Modifier.isStatic(f.getModifiers()) && f.getType() == CommandSpec.class) {
				try {
					specs.add((CommandSpec) f.get(null));
				}
				catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return specs;
	}

	/** "sorted-set" → SortedSetCommandSpecs. */
	static String className(CommandGroup group) {
		StringBuilder sb = new StringBuilder();
		for (String part : group.name().split("_")) {
			sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
		}
		return sb.append("CommandSpecs").toString();
	}

	/** CLIENT|NO-EVICT → CLIENT_NO_EVICT. */
	static String constantName(String fullName) {
		return fullName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
	}

	/**
	 * Declarations by group, each in name order with a container after its subcommands (a
	 * static initializer cannot refer forward).
	 */
	private Map<CommandGroup, Map<String, Decl>> declarations(List<String> names) {
		Map<String, Set<String>> wanted = new TreeMap<>();
		for (String name : names) {
			int bar = name.indexOf('|');
			if (bar < 0) {
				wanted.computeIfAbsent(name, n -> new TreeSet<>());
			}
			else {
				wanted.computeIfAbsent(name.substring(0, bar), n -> new TreeSet<>()).add(name);
			}
		}
		Set<String> later = laterNames();
		Map<CommandGroup, Map<String, Decl>> byGroup = new TreeMap<>();
		for (Map.Entry<String, Set<String>> e : wanted.entrySet()) {
			if (later.contains(e.getKey())) {
				warnings.add(e.getKey() + " is declared by hand in LaterRedisCommandSpecs: left alone");
				continue;
			}
			Resp info = single(client.call("COMMAND", "INFO", e.getKey()));
			if (info.isNull()) {
				throw new IllegalArgumentException(
						"redis-server does not know " + e.getKey() + ": declare it by hand in LaterRedisCommandSpecs");
			}
			Map<String, Resp> docs = map(client.call("COMMAND", "DOCS", e.getKey()));
			Map<String, Resp> doc = map(docs.get(e.getKey()));
			CommandGroup group = group(doc.get("group").text());
			Map<String, Decl> decls = byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>());
			List<String> subConstants = new ArrayList<>();
			Map<String, Resp> subInfos = new TreeMap<>();
			for (Resp sub : info.items().get(9).items()) {
				subInfos.put(sub.items().get(0).text(), sub);
			}
			Map<String, Resp> subDocs = doc.containsKey("subcommands") ? map(doc.get("subcommands")) : Map.of();
			Set<String> subs = e.getValue().isEmpty() ? subInfos.keySet() : e.getValue();
			for (String sub : subs) {
				if (later.contains(sub)) {
					subConstants.add("LaterRedisCommandSpecs." + constantName(sub));
					continue;
				}
				if (!subInfos.containsKey(sub)) {
					throw new IllegalArgumentException(
							"redis-server does not know " + sub + ": declare it by hand in LaterRedisCommandSpecs");
				}
				decls.put(sub, declaration(subInfos.get(sub), map(subDocs.get(sub)), List.of()));
				subConstants.add(constantName(sub));
			}
			decls.put(e.getKey(), declaration(info, doc, subConstants));
		}
		return byGroup;
	}

	private static CommandGroup group(String replyName) {
		for (CommandGroup g : CommandGroup.values()) {
			if (g.replyName().equals(replyName)) {
				return g;
			}
		}
		throw new IllegalArgumentException("unknown group " + replyName);
	}

	/** One constant: its javadoc, then the builder chain, one setter a line. */
	private Decl declaration(Resp info, Map<String, Resp> doc, List<String> subConstants) {
		imports = new TreeSet<>();
		List<Resp> f = info.items();
		String fullName = f.get(0).text();
		int bar = fullName.indexOf('|');
		Set<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
		for (Resp flag : f.get(2).items()) {
			if (!flag.text().equals(CommandFlag.MOVABLEKEYS.replyName())) {
				flags.add(byReplyName(CommandFlag.values(), CommandFlag::replyName, flag.text()));
			}
		}
		Set<AclCategory> acl = EnumSet.noneOf(AclCategory.class);
		for (Resp c : f.get(6).items()) {
			acl.add(byReplyName(AclCategory.values(), AclCategory::replyName, c.text()));
		}
		acl.removeAll(impliedCategories(flags, acl));
		List<String> chain = new ArrayList<>();
		chain.add(bar < 0 ? "CommandSpec.command(" + literal(fullName) + ")" : "CommandSpec.subcommand("
				+ literal(fullName.substring(0, bar)) + ", " + literal(fullName.substring(bar + 1)) + ")");
		chain.add(".arity(" + f.get(1).text() + ")");
		if (!flags.isEmpty()) {
			chain.add(".flags(" + join(flags.stream().map(x -> use(CommandFlag.class, x)).toList()) + ")");
		}
		if (!acl.isEmpty()) {
			chain.add(".acl(" + join(acl.stream().map(c -> "AclCategory." + c.name()).toList()) + ")");
		}
		if (!f.get(7).items().isEmpty()) {
			chain.add(".tips(" + join(f.get(7)
				.items()
				.stream()
				.map(t -> use(CommandTip.class, byReplyName(CommandTip.values(), CommandTip::replyName, t.text())))
				.toList()) + ")");
		}
		if (!f.get(8).items().isEmpty()) {
			chain.add(".keySpecs(" + join(f.get(8).items().stream().map(this::keySpec).toList()) + ")");
		}
		String proc = GET_KEYS_PROCS.get(fullName);
		if (proc != null) {
			chain.add(".getKeysProc(" + proc + ")");
		}
		else if (f.get(2).items().stream().anyMatch(x -> x.text().equals("movablekeys"))
				|| info.toString().contains("+variable_flags") || info.toString().contains("+incomplete")) {
			warnings.add(fullName + " may have a get_keys_function in src/commands/" + fullName.replace('|', '-')
					+ ".json: add it to GET_KEYS_PROCS with a GetKeysProc");
		}
		chain.add(".group(CommandGroup." + group(doc.get("group").text()).name() + ")");
		chain.add(".since(" + literal(doc.get("since").text()) + ")");
		chain.add(".summary(" + literal(doc.get("summary").text()) + ")");
		if (doc.containsKey("complexity")) {
			chain.add(".complexity(" + literal(doc.get("complexity").text()) + ")");
		}
		if (doc.containsKey("doc_flags")) {
			chain.add(".docFlags(" + join(doc.get("doc_flags")
				.items()
				.stream()
				.map(d -> "DocFlag." + byReplyName(DocFlag.values(), DocFlag::replyName, d.text()).name())
				.toList()) + ")");
		}
		if (doc.containsKey("deprecated_since")) {
			chain.add(".deprecatedSince(" + literal(doc.get("deprecated_since").text()) + ")");
		}
		if (doc.containsKey("replaced_by")) {
			chain.add(".replacedBy(" + literal(doc.get("replaced_by").text()) + ")");
		}
		if (doc.containsKey("history")) {
			for (Resp h : doc.get("history").items()) {
				chain.add(
						".history(" + literal(h.items().get(0).text()) + ", " + literal(h.items().get(1).text()) + ")");
			}
		}
		List<Resp> args = doc.containsKey("arguments") ? doc.get("arguments").items() : List.of();
		if (!args.isEmpty()) {
			chain.add(".arguments(" + join(args.stream().map(a -> argument(map(a))).toList()) + ")");
		}
		if (!subConstants.isEmpty()) {
			chain.add(".subcommands(" + join(subConstants) + ")");
		}
		chain.add(".build();");
		StringBuilder sb = new StringBuilder();
		String javadoc = "{@code " + syntax(fullName, args) + "}";
		sb.append(javadoc.length() <= 110 ? "\t/** " + javadoc + " */\n" : "\t/**\n\t * " + javadoc + "\n\t */\n");
		sb.append("\tpublic static final CommandSpec ").append(constantName(fullName)).append(" = ");
		sb.append(String.join("\n\t\t", chain)).append("\n");
		return new Decl(sb.toString(), imports);
	}

	private String use(Class<? extends Enum<?>> type, Enum<?> constant) {
		if (SHADOWED.contains(constant.name())) {
			return type.getSimpleName() + "." + constant.name();
		}
		imports.add(type.getSimpleName() + "." + constant.name());
		return constant.name();
	}

	/**
	 * Enum constants named like a command constant of their catalogue (the pubsub flag in
	 * PubsubCommandSpecs, beside the PUBSUB command): written qualified, as a static
	 * import would be shadowed by the field.
	 */
	private static final Set<String> SHADOWED = Set.of("PUBSUB");

	/** A static import of {@code member} ("Arg.key"); returns the simple name. */
	private String use(String member) {
		imports.add(member);
		return member.substring(member.indexOf('.') + 1);
	}

	/** setImplicitACLCategories, so that only the other categories are declared. */
	private static Set<AclCategory> impliedCategories(Set<CommandFlag> flags, Set<AclCategory> reported) {
		Set<AclCategory> implied = EnumSet.noneOf(AclCategory.class);
		if (flags.contains(CommandFlag.WRITE)) {
			implied.add(AclCategory.WRITE);
		}
		if (flags.contains(CommandFlag.READONLY) && !reported.contains(AclCategory.SCRIPTING)) {
			implied.add(AclCategory.READ);
		}
		if (flags.contains(CommandFlag.ADMIN)) {
			implied.add(AclCategory.ADMIN);
			implied.add(AclCategory.DANGEROUS);
		}
		if (flags.contains(CommandFlag.PUBSUB)) {
			implied.add(AclCategory.PUBSUB);
		}
		if (flags.contains(CommandFlag.FAST)) {
			implied.add(AclCategory.FAST);
		}
		if (flags.contains(CommandFlag.BLOCKING)) {
			implied.add(AclCategory.BLOCKING);
		}
		if (!reported.contains(AclCategory.FAST)) {
			implied.add(AclCategory.SLOW);
		}
		return implied;
	}

	private String keySpec(Resp spec) {
		Map<String, Resp> m = map(spec);
		Map<String, Resp> begin = map(m.get("begin_search"));
		Map<String, Resp> beginSpec = map(begin.get("spec"));
		String out = switch (begin.get("type").text()) {
			case "index" -> "KeySpec.index(" + beginSpec.get("index").text() + ")";
			case "keyword" -> "KeySpec.keyword(" + literal(beginSpec.get("keyword").text()) + ", "
					+ beginSpec.get("startfrom").text() + ")";
			case "unknown" -> "KeySpec.unknown()";
			default -> throw new IllegalArgumentException("begin_search " + begin);
		};
		Map<String, Resp> find = map(m.get("find_keys"));
		Map<String, Resp> findSpec = map(find.get("spec"));
		out += switch (find.get("type").text()) {
			case "range" -> {
				String last = findSpec.get("lastkey").text();
				String step = findSpec.get("keystep").text();
				String limit = findSpec.get("limit").text();
				yield step.equals("1") && limit.equals("0") ? ".range(" + last + ")"
						: ".range(" + last + ", " + step + ", " + limit + ")";
			}
			case "keynum" -> ".keynum(" + findSpec.get("keynumidx").text() + ", " + findSpec.get("firstkey").text()
					+ ", " + findSpec.get("keystep").text() + ")";
			case "unknown" -> ".unknownKeys()";
			default -> throw new IllegalArgumentException("find_keys " + find);
		};
		out += ".flags(" + join(m.get("flags")
			.items()
			.stream()
			.map(x -> use(KeySpecFlag.class, byReplyName(KeySpecFlag.values(), KeySpecFlag::replyName, x.text())))
			.toList()) + ")";
		if (m.containsKey("notes")) {
			out += ".notes(" + literal(m.get("notes").text()) + ")";
		}
		return out;
	}

	private String argument(Map<String, Resp> a) {
		String name = literal(a.get("name").text());
		ArgType type = byReplyName(ArgType.values(), ArgType::replyName, a.get("type").text());
		String token = a.containsKey("token") ? a.get("token").text() : null;
		String out = switch (type) {
			case KEY -> use("Arg.key") + "(" + name + ", " + a.get("key_spec_index").text() + ")";
			case STRING -> use("Arg.string") + "(" + name + ")";
			case INTEGER -> use("Arg.integer") + "(" + name + ")";
			case DOUBLE -> use("Arg.doubleArg") + "(" + name + ")";
			case PATTERN -> use("Arg.pattern") + "(" + name
					+ (a.containsKey("key_spec_index") ? ", " + a.get("key_spec_index").text() : "") + ")";
			case UNIX_TIME -> use("Arg.unixTime") + "(" + name + ")";
			case PURE_TOKEN -> use("Arg.pureToken") + "(" + name + ", " + literal(token) + ")";
			case ONEOF, BLOCK -> use(type == ArgType.ONEOF ? "Arg.oneOf" : "Arg.block") + "(" + name + ", "
					+ join(a.get("arguments").items().stream().map(x -> argument(map(x))).toList()) + ")";
		};
		if (token != null && type != ArgType.PURE_TOKEN) {
			out += ".token(" + literal(token) + ")";
		}
		if (a.containsKey("since")) {
			out += ".since(" + literal(a.get("since").text()) + ")";
		}
		if (a.containsKey("deprecated_since")) {
			out += ".deprecatedSince(" + literal(a.get("deprecated_since").text()) + ")";
		}
		if (a.containsKey("flags")) {
			for (Resp flag : a.get("flags").items()) {
				ArgFlag af = byReplyName(ArgFlag.values(), ArgFlag::replyName, flag.text());
				out += switch (af) {
					case OPTIONAL -> ".optional()";
					case MULTIPLE -> ".multiple()";
					case MULTIPLE_TOKEN -> ".multipleToken()";
				};
			}
		}
		return out;
	}

	/**
	 * The usage line of Redis's documentation, e.g.
	 * {@code GETEX key [EX seconds | PERSIST]}.
	 */
	static String syntax(String fullName, List<Resp> args) {
		StringBuilder sb = new StringBuilder(fullName.replace('|', ' ').toUpperCase(Locale.ROOT));
		for (Resp a : args) {
			sb.append(' ').append(usage(map(a)));
		}
		return sb.toString().replace("*/", "*&#47;");
	}

	private static String usage(Map<String, Resp> a) {
		String type = a.get("type").text();
		String token = a.containsKey("token") ? a.get("token").text() : null;
		Set<String> flags = new TreeSet<>();
		if (a.containsKey("flags")) {
			a.get("flags").items().forEach(x -> flags.add(x.text()));
		}
		String value = switch (type) {
			case "pure-token" -> token;
			case "oneof" -> String.join(" | ", a.get("arguments").items().stream().map(x -> usage(map(x))).toList());
			case "block" -> String.join(" ", a.get("arguments").items().stream().map(x -> usage(map(x))).toList());
			default -> a.get("name").text();
		};
		if (type.equals("oneof") && token == null && !flags.contains("optional")) {
			value = "<" + value + ">";
		}
		String one = token != null && !type.equals("pure-token") ? token + " " + value : value;
		String out;
		if (flags.contains("multiple_token")) {
			out = one + " [" + one + " ...]";
		}
		else if (flags.contains("multiple")) {
			out = token != null && !type.equals("pure-token") ? token + " " + value + " [" + value + " ...]"
					: one + " [" + one + " ...]";
		}
		else {
			out = one;
		}
		return flags.contains("optional") ? "[" + out + "]" : out;
	}

	/** The catalogue class of a group, with the static imports its declarations use. */
	static String classSource(CommandGroup group, Iterable<Decl> declarations) {
		Set<String> imports = new TreeSet<>();
		List<String> code = new ArrayList<>();
		for (Decl d : declarations) {
			d.imports().forEach(i -> imports.add("import static " + PACKAGE + "." + i + ";"));
			code.add(d.code());
		}
		String className = className(group);
		return "package " + PACKAGE + ";\n\n" + String.join("\n", imports) + "\n\n" + "/**\n * The " + group.replyName()
				+ " commands the engine implements, as Redis 7.0.15 declares them (COMMAND\n"
				+ " * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:\n"
				+ " * regenerate rather than edit.\n */\npublic final class " + className + " {\n\n"
				+ String.join("\n", code) + "\n\tprivate " + className + "() {\n\t}\n\n}\n";
	}

	private static <E extends Enum<E>> E byReplyName(E[] values, java.util.function.Function<E, String> replyName,
			String name) {
		for (E e : values) {
			if (name.equals(replyName.apply(e))) {
				return e;
			}
		}
		throw new IllegalArgumentException("unknown " + values.getClass().getComponentType().getSimpleName() + " "
				+ name + ": a newer Redis than 7.0? add it to the enum");
	}

	private static Resp single(Resp array) {
		return array.items().get(0);
	}

	/** A RESP3 map (or RESP2 flat array) as name to value. */
	static Map<String, Resp> map(Resp resp) {
		Map<String, Resp> m = new LinkedHashMap<>();
		List<Resp> items = resp.items();
		for (int i = 0; i + 1 < items.size(); i += 2) {
			m.put(items.get(i).text(), items.get(i + 1));
		}
		return m;
	}

	private static String join(List<String> parts) {
		return String.join(", ", parts);
	}

	/**
	 * A Java string literal; one that would not fit on its line is cut at spaces into
	 * pieces of about equal length, concatenated, as one would write it.
	 */
	static String literal(String latin1) {
		// RespClient reads bulk strings as ISO-8859-1; Redis's texts are UTF-8
		String s = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
		int pieces = (s.length() + LITERAL_WIDTH - 1) / LITERAL_WIDTH;
		List<String> out = new ArrayList<>();
		String rest = s;
		for (int left = pieces; left > 1; left--) {
			int cut = rest.lastIndexOf(' ', rest.length() / left);
			if (cut <= 0) {
				break;
			}
			out.add(rest.substring(0, cut + 1));
			rest = rest.substring(cut + 1);
		}
		out.add(rest);
		return String.join(" + ", out.stream().map(CommandSpecGenerator::quote).toList());
	}

	private static String quote(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> sb.append(c);
			}
		}
		return sb.append('"').toString();
	}

}
