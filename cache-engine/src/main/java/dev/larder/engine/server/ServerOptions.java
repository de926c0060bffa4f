package dev.larder.engine.server;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.tls.TlsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The standalone server's command line, with Redis's option names: {@code --port 0} turns
 * the plain listener off (TLS only, as in Redis), the {@code --tls-*} options set up the
 * TLS listener from PEM files, {@code --rename-command NAME NEWNAME} (with {@code ""} to
 * disable) takes two values.
 */
final class ServerOptions {

	static final String USAGE = """
			Usage: java -jar larder-cache-engine.jar [redis.conf] [--port 6379] [--bind 127.0.0.1] [--requirepass pw]
			  [--databases 16] [--shards n] [--io-threads n] [--hz 10] [--protected-mode yes|no]
			  [--rename-command NAME NEWNAME]...   (NEWNAME "" disables NAME)
			  [--tls-port n --tls-cert-file f --tls-key-file f [--tls-key-file-pass pw] [--tls-ca-cert-file f]
			   [--tls-auth-clients yes|no|optional] [--tls-protocols "TLSv1.2 TLSv1.3"] [--tls-ciphers a:b]
			   [--tls-ciphersuites a:b]]
			  [--<redis parameter> value]...   (e.g. --enable-debug-command yes; as in redis.conf)
			  A first argument that is not an option is a redis.conf-style file, read before the options.
			  --port 0 serves no plain RESP (TLS only).""";

	private final EngineConfig.Builder config = EngineConfig.builder().port(6379);

	private @Nullable Path certFile;

	private @Nullable Path keyFile;

	private @Nullable String keyPassword;

	private @Nullable Path caCertFile;

	private TlsSettings.ClientAuth clientAuth = TlsSettings.ClientAuth.YES;

	private final List<String> protocols = new ArrayList<>();

	private final List<String> ciphers = new ArrayList<>();

	private boolean plain = true;

	private boolean tls;

	private ServerOptions() {
	}

	/**
	 * The engine's configuration from {@code args}.
	 * @throws IllegalArgumentException naming the option at fault
	 */
	static EngineConfig parse(String... args) {
		ServerOptions options = new ServerOptions();
		int first = 0;
		if (args.length > 0 && !args[0].startsWith("--")) {
			// redis-server's form: a config file first, its directives before the options
			for (List<String> directive : ConfigFile.read(Path.of(args[0]))) {
				String name = "--" + directive.get(0).toLowerCase(java.util.Locale.ROOT);
				List<String> values = directive.subList(1, directive.size());
				try {
					options.directive(name, values);
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException(args[0] + ": " + directive.get(0) + ": " + e.getMessage(), e);
				}
			}
			first = 1;
		}
		for (int i = first; i < args.length; i++) {
			String option = args[i];
			int values = option.equals("--rename-command") ? 2 : 1;
			if (i + values >= args.length) {
				throw new IllegalArgumentException("missing value for " + option);
			}
			try {
				options.apply(option, Arrays.copyOfRange(args, i + 1, i + 1 + values));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
			}
			i += values;
		}
		return options.build();
	}

	/**
	 * A config file line: an option this class knows takes its words, any other name is a
	 * Redis parameter set from the words joined by spaces (as redis.conf's multi-word
	 * values, e.g. {@code save 900 1}).
	 */
	private void directive(String option, List<String> values) {
		int needed = option.equals("--rename-command") ? 2 : 1;
		if (isOption(option) && values.size() >= needed) {
			apply(option, values.subList(0, needed).toArray(String[]::new));
		}
		else {
			apply(option, new String[] { String.join(" ", values) });
		}
	}

	private static boolean isOption(String option) {
		return switch (option) {
			case "--port", "--bind", "--requirepass", "--databases", "--shards", "--io-threads", "--hz",
					"--protected-mode", "--rename-command", "--tls-port", "--tls-cert-file", "--tls-key-file",
					"--tls-key-file-pass", "--tls-ca-cert-file", "--tls-auth-clients", "--tls-protocols",
					"--tls-ciphers", "--tls-ciphersuites" ->
				true;
			default -> false;
		};
	}

	private void apply(String option, String[] v) {
		switch (option) {
			case "--port" -> {
				int port = Integer.parseInt(v[0]);
				plain = port != 0;
				config.port(plain ? port : EngineConfig.NO_PORT);
			}
			case "--bind" -> config.bind(v[0]);
			case "--requirepass" -> config.requirePass(v[0]);
			case "--databases" -> config.databases(Integer.parseInt(v[0]));
			case "--shards" -> config.shards(Integer.parseInt(v[0]));
			case "--io-threads" -> config.ioThreads(Integer.parseInt(v[0]));
			case "--hz" -> config.hz(Integer.parseInt(v[0]));
			case "--protected-mode" -> config.protectedMode(yesNo(v[0]));
			case "--rename-command" -> config.renameCommand(v[0], v[1]);
			case "--tls-port" -> {
				int port = Integer.parseInt(v[0]);
				tls = port != 0;
				config.tlsPort(tls ? port : EngineConfig.NO_PORT);
			}
			case "--tls-cert-file" -> certFile = Path.of(v[0]);
			case "--tls-key-file" -> keyFile = Path.of(v[0]);
			case "--tls-key-file-pass" -> keyPassword = v[0];
			case "--tls-ca-cert-file" -> caCertFile = Path.of(v[0]);
			case "--tls-auth-clients" -> clientAuth = TlsSettings.ClientAuth.fromConfigName(v[0]);
			case "--tls-protocols" -> protocols.addAll(words(v[0]));
			case "--tls-ciphers", "--tls-ciphersuites" -> ciphers.addAll(words(v[0]));
			default -> {
				if (option.length() <= 2 || !option.startsWith("--")) {
					throw new IllegalArgumentException("unknown option");
				}
				// any other Redis parameter, checked against CONFIG's table when the
				// engine starts (enable-debug-command, save, maxmemory-policy, ...)
				config.parameter(option.substring(2), v[0]);
			}
		}
	}

	private EngineConfig build() {
		if (tls) {
			if (certFile == null || keyFile == null) {
				throw new IllegalArgumentException("--tls-port needs --tls-cert-file and --tls-key-file");
			}
			config.tls(TlsSettings.pem(certFile, keyFile, caCertFile)
				.withKeyPassword(keyPassword)
				.withClientAuth(clientAuth)
				.withProtocols(protocols)
				.withCiphers(ciphers));
		}
		else if (!plain) {
			throw new IllegalArgumentException("--port 0 needs a --tls-port: the engine would listen on nothing");
		}
		return config.build();
	}

	private static boolean yesNo(String value) {
		if (value.equalsIgnoreCase("yes")) {
			return true;
		}
		if (value.equalsIgnoreCase("no")) {
			return false;
		}
		throw new IllegalArgumentException("argument must be 'yes' or 'no'");
	}

	/** Redis separates protocols by spaces and ciphers by colons. */
	private static List<String> words(String value) {
		return Arrays.stream(value.split("[\\s:,]+")).filter(w -> !w.isEmpty()).toList();
	}

}
