package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.tls.TlsSettings;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import dev.larder.testing.TestCertificates;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TLS port against Debian's redis-server 7.0.15 (built with TLS) started with the
 * same certificates and tls-auth-clients yes, each beside its plain port.
 */
class TlsDifferentialTest {

	static final TestCertificates PKI = TestCertificates.create(tempDir());

	static final int REDIS_TLS_PORT = RedisServerExtension.freePort();

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension("--tls-port", String.valueOf(REDIS_TLS_PORT),
			"--tls-cert-file", PKI.serverCert().toString(), "--tls-key-file", PKI.serverKey().toString(),
			"--tls-ca-cert-file", PKI.caCert().toString(), "--tls-auth-clients", "yes");

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder()
			.port(0)
			.tlsPort(0)
			.tls(TlsSettings.pem(PKI.serverCert(), PKI.serverKey(), PKI.caCert()))
			.build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
		try (var files = Files.walk(PKI.caCert().getParent().getParent())) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("larder-tls");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs {@code check} with each server's TLS port: the results must be equal. */
	private static void both(IntFunction<Object> check) {
		assertThat(check.apply(engine.tlsPort())).isEqualTo(check.apply(REDIS_TLS_PORT));
	}

	private static String lettuce(int port, boolean certificate) {
		SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider().trustManager(PKI.caCert().toFile());
		if (certificate) {
			ssl.keyManager(PKI.clientCert().toFile(), PKI.clientKey().toFile(), null);
		}
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost("localhost").withPort(port).withSsl(true).build());
		client.setOptions(ClientOptions.builder().sslOptions(ssl.build()).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().set("k", "v") + " " + connection.sync().get("k") + " "
					+ connection.sync().configGet("tls-auth-clients");
		}
		catch (RedisConnectionException e) {
			return "refused";
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void aClientWithACertificateTheCaSignedIsServedOneWithoutIsRefused() {
		both(port -> lettuce(port, true));
		assertThat(lettuce(engine.tlsPort(), true)).isEqualTo("OK v {tls-auth-clients=yes}");
		both(port -> lettuce(port, false));
		assertThat(lettuce(engine.tlsPort(), false)).isEqualTo("refused");
	}

	@Test
	void plainRespToTheTlsPortIsClosedWithoutAReply() {
		both(port -> {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(10_000);
				socket.getOutputStream().write(RespClient.encode("PING"));
				ByteArrayOutputStream read = new ByteArrayOutputStream();
				InputStream in = socket.getInputStream();
				try {
					for (int b; (b = in.read()) >= 0;) {
						read.write(b);
					}
				}
				catch (SocketException reset) {
					// a reset closes as well as an end of stream
				}
				return "closed after " + read.size() + " bytes";
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@Test
	void configGetReportsTheSameTlsSettings() {
		try (RespClient engineClient = new RespClient(engine.port());
				RespClient redisClient = new RespClient(REDIS.port())) {
			for (String name : new String[] { "tls-auth-clients", "tls-cert-file", "tls-key-file", "tls-ca-cert-file",
					"tls-protocols", "tls-ciphers" }) {
				assertThat(engineClient.call("CONFIG", "GET", name)).as(name)
					.isEqualTo(redisClient.call("CONFIG", "GET", name));
			}
		}
	}

}
