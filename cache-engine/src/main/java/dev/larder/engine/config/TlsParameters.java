package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericType.INT;

import dev.larder.engine.command.EngineCore;
import dev.larder.engine.tls.TlsSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * TLS, which Debian's redis-server 7.0.15 is built with. With a TLS port, tls-port,
 * tls-auth-clients, the certificate files, tls-protocols and tls-ciphers report what the
 * engine was started with, and CONFIG SET may only repeat them (TLS is set up once, at
 * start-up). Without one, tls-port is refused unless 0 and the rest are kept, so test
 * suites that set them still pass.
 */
final class TlsParameters {

	private TlsParameters() {
	}

	static void addTo(ConfigTable.Builder b, EngineCore core) {
		TlsSettings tls = core.config().hasTlsPort() ? core.config().tls() : null;
		if (tls == null) {
			b.add(new NumericParameter("tls-port", null, INT, 0, 65535, INTEGER, Binding.stored(0L),
					Unsupported.unless(0L, Unsupported.TLS)));
		}
		else {
			b.add(new NumericParameter("tls-port", null, INT, 0, 65535, INTEGER,
					Binding.of(() -> (long) core.boundTlsPort(), v -> {
					}), port -> {
						if (port != core.boundTlsPort()) {
							throw new InvalidValueException(Unsupported.MOVE_PORT);
						}
					}));
		}
		b.add(NumericParameter.stored("tls-session-cache-size", INT, 0, INT_MAX, 20 * 1024, INTEGER));
		b.add(NumericParameter.stored("tls-session-cache-timeout", INT, 0, INT_MAX, 300, INTEGER));
		b.add(BoolParameter.stored("tls-cluster", false));
		b.add(BoolParameter.stored("tls-replication", false));
		b.add(authClients(tls));
		b.add(BoolParameter.stored("tls-prefer-server-ciphers", false));
		b.add(BoolParameter.stored("tls-session-caching", true));
		b.add(started("tls-cert-file", tls, s -> path(s.certFile())));
		b.add(started("tls-key-file", tls, s -> path(s.keyFile())));
		b.add(started("tls-ca-cert-file", tls, s -> path(s.caCertFile())));
		b.add(started("tls-protocols", tls, s -> String.join(" ", s.protocols())));
		b.add(started("tls-ciphers", tls, s -> String.join(":", s.ciphers())));
		for (String file : List.of("tls-key-file-pass", "tls-client-cert-file", "tls-client-key-file",
				"tls-client-key-file-pass", "tls-dh-params-file", "tls-ca-cert-dir", "tls-ciphersuites")) {
			b.add(StringParameter.stored(file, ""));
		}
	}

	private static EnumParameter<String> authClients(@Nullable TlsSettings tls) {
		Map<String, String> choices = new LinkedHashMap<>();
		for (TlsSettings.ClientAuth auth : TlsSettings.ClientAuth.values()) {
			choices.put(auth.configName(), auth.configName());
		}
		if (tls == null) {
			return new EnumParameter<>("tls-auth-clients", null, choices, Binding.stored("yes"), Check.none());
		}
		String value = tls.clientAuth().configName();
		return new EnumParameter<>("tls-auth-clients", null, choices, Binding.of(() -> value, v -> {
		}), Unsupported.unless(value, Unsupported.TLS_AT_START));
	}

	/** A setting read from the TLS the engine started with; kept when it has none. */
	private static StringParameter started(String name, @Nullable TlsSettings tls,
			Function<TlsSettings, String> value) {
		if (tls == null) {
			return StringParameter.stored(name, "");
		}
		String current = value.apply(tls);
		return new StringParameter(name, null, Binding.of(() -> current, v -> {
		}), Unsupported.unless(current, Unsupported.TLS_AT_START));
	}

	private static String path(@Nullable Path file) {
		return file == null ? "" : file.toString();
	}

}
