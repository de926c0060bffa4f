package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.tls.TlsSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standalone server's command line, with Redis's option names. */
class ServerOptionsTest {

	@Test
	void tlsFromPemFilesBesideOrInsteadOfThePlainPort() {
		EngineConfig both = ServerOptions.parse("--port", "6380", "--tls-port", "6381", "--tls-cert-file", "s.crt",
				"--tls-key-file", "s.key", "--tls-ca-cert-file", "ca.crt", "--tls-auth-clients", "optional",
				"--tls-protocols", "TLSv1.2 TLSv1.3", "--tls-ciphers", "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384");
		assertThat(both.port()).isEqualTo(6380);
		assertThat(both.tlsPort()).isEqualTo(6381);
		TlsSettings tls = both.tls();
		assertThat(tls).isNotNull();
		assertThat(tls.certFile()).isEqualTo(Path.of("s.crt"));
		assertThat(tls.caCertFile()).isEqualTo(Path.of("ca.crt"));
		assertThat(tls.clientAuth()).isEqualTo(TlsSettings.ClientAuth.OPTIONAL);
		assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
		assertThat(tls.ciphers()).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
		EngineConfig tlsOnly = ServerOptions.parse("--port", "0", "--tls-port", "6381", "--tls-cert-file", "s.crt",
				"--tls-key-file", "s.key", "--tls-ca-cert-file", "ca.crt");
		assertThat(tlsOnly.hasPort()).isFalse();
		assertThat(tlsOnly.tls().clientAuth()).as("Redis's default").isEqualTo(TlsSettings.ClientAuth.YES);
	}

	@Test
	void renameCommandTakesTwoValues() {
		EngineConfig config = ServerOptions.parse("--rename-command", "FLUSHALL", "", "--rename-command", "CONFIG",
				"ADMINCONFIG", "--protected-mode", "no");
		assertThat(config.renamedCommands()).isEqualTo(Map.of("flushall", "", "config", "adminconfig"));
		assertThat(config.protectedMode()).isFalse();
		assertThat(EngineConfig.defaults().protectedMode()).isTrue();
	}

	@Test
	void mistakesNameTheOption() {
		assertThatThrownBy(() -> ServerOptions.parse("--port", "0")).hasMessageContaining("--tls-port");
		assertThatThrownBy(() -> ServerOptions.parse("--tls-port", "6381")).hasMessageContaining("--tls-cert-file");
		assertThatThrownBy(() -> ServerOptions.parse("--rename-command", "KEYS"))
			.hasMessage("missing value for --rename-command");
		assertThatThrownBy(() -> ServerOptions.parse("--tls-auth-clients", "maybe"))
			.hasMessageStartingWith("--tls-auth-clients: ");
		assertThatThrownBy(() -> ServerOptions.parse("--nope", "1")).hasMessage("--nope: unknown option");
		assertThat(List.of(ServerOptions.USAGE.split("\n"))).anyMatch(l -> l.contains("--rename-command"));
	}

}
