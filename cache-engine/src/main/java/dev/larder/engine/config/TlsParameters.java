package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericType.INT;

import java.util.List;

/**
 * TLS, which Debian's redis-server 7.0.15 is built with. The engine listens in plain
 * text: tls-port is refused unless 0, certificates and ciphers are kept.
 */
final class TlsParameters {

	private TlsParameters() {
	}

	static void addTo(ConfigTable.Builder b) {
		b.add(new NumericParameter("tls-port", null, INT, 0, 65535, INTEGER, Binding.stored(0L),
				Unsupported.unless(0L, Unsupported.TLS)));
		b.add(NumericParameter.stored("tls-session-cache-size", INT, 0, INT_MAX, 20 * 1024, INTEGER));
		b.add(NumericParameter.stored("tls-session-cache-timeout", INT, 0, INT_MAX, 300, INTEGER));
		b.add(BoolParameter.stored("tls-cluster", false));
		b.add(BoolParameter.stored("tls-replication", false));
		b.add(EnumParameter.stored("tls-auth-clients", List.of("no", "yes", "optional"), "yes"));
		b.add(BoolParameter.stored("tls-prefer-server-ciphers", false));
		b.add(BoolParameter.stored("tls-session-caching", true));
		for (String file : List.of("tls-cert-file", "tls-key-file", "tls-key-file-pass", "tls-client-cert-file",
				"tls-client-key-file", "tls-client-key-file-pass", "tls-dh-params-file", "tls-ca-cert-file",
				"tls-ca-cert-dir", "tls-protocols", "tls-ciphers", "tls-ciphersuites")) {
			b.add(StringParameter.stored(file, ""));
		}
	}

}
