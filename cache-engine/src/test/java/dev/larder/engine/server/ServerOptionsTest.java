package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.tls.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		assertThatThrownBy(() -> ServerOptions.parse("-x", "1")).hasMessageContaining("cannot read the config file -x");
		assertThatThrownBy(() -> ServerOptions.parse("--port", "1", "--", "1")).hasMessage("--: unknown option");
		assertThatThrownBy(() -> ServerOptions.parse("--nope")).hasMessage("missing value for --nope");
		assertThat(List.of(ServerOptions.USAGE.split("\n"))).anyMatch(l -> l.contains("--rename-command"));
	}

	/**
	 * Any other {@code --name value} is a Redis parameter, applied when the engine
	 * starts: the immutable ones (enable-debug-command) are settable there, an unknown
	 * name or a bad value stops the start naming the parameter.
	 */
	@Test
	void otherOptionsAreRedisParametersCheckedAtStart() {
		EngineConfig config = ServerOptions.parse("--port", "6380", "--enable-debug-command", "yes", "--save", "",
				"--maxmemory-policy", "allkeys-lru");
		assertThat(config.parameters()).containsExactly(Map.entry("enable-debug-command", "yes"), Map.entry("save", ""),
				Map.entry("maxmemory-policy", "allkeys-lru"));
		try (Engine engine = Engine.start(config.toBuilder().port(EngineConfig.NO_PORT).build())) {
			assertThat(engine.execute("CONFIG", "GET", "enable-debug-command"))
				.isEqualTo(new Reply.MapReply(List.of(Reply.bulk("enable-debug-command"), Reply.bulk("yes"))));
			assertThat(engine.execute("DEBUG", "SLEEP", "0")).isEqualTo(Reply.OK);
		}
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder().parameter("nope", "1").build()))
			.hasMessageContaining("unknown configuration parameter 'nope'");
		assertThatThrownBy(
				() -> Engine.start(EngineConfig.builder().parameter("enable-debug-command", "maybe").build()))
			.hasMessageContaining("invalid value 'maybe' for configuration parameter 'enable-debug-command'")
			.hasMessageContaining("argument(s) must be one of the following: no, yes, local");
	}

	/**
	 * redis-server's form: a config file first (comments, quotes, multi-word values),
	 * then options that override it.
	 */
	@Test
	void aConfigFileFirstThenOptions(@TempDir Path dir) throws Exception {
		Path conf = dir.resolve("redis.conf");
		Files.writeString(conf, """
				# a comment
				port 6390
				enable-debug-command local

				save "900 1"
				rename-command KEYS ""
				hz 20
				""");
		EngineConfig config = ServerOptions.parse(conf.toString(), "--hz", "15", "--enable-debug-command", "yes");
		assertThat(config.port()).isEqualTo(6390);
		assertThat(config.hz()).isEqualTo(15);
		assertThat(config.renamedCommands()).containsEntry("keys", "");
		assertThat(config.parameters()).containsExactly(Map.entry("save", "900 1"),
				Map.entry("enable-debug-command", "yes"));
		Files.writeString(conf, "save \"900 1\n");
		assertThatThrownBy(() -> ServerOptions.parse(conf.toString())).hasMessageContaining("unbalanced quotes");
	}

}
