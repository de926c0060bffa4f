package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.tls.TlsSettings;
import dev.larder.engine.tls.TlsSettings.ClientAuth;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import dev.larder.testing.TestCertificates;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The TLS port, with real TLS clients (Lettuce, redis-cli --tls) and certificates made by
 * openssl for each run.
 */
class TlsPortTest {

	@TempDir
	static Path tmp;

	static TestCertificates pki;

	@BeforeAll
	static void pki() {
		pki = TestCertificates.create(tmp);
	}

	private static Engine start(ClientAuth auth) {
		return Engine.start(EngineConfig.builder()
			.port(0)
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.serverCert(), pki.serverKey(), pki.caCert()).withClientAuth(auth))
			.build());
	}

	/**
	 * PING over TLS with Lettuce, trusting the test CA, with or without a certificate.
	 */
	private static String ping(int port, Path cert, Path key) {
		SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider().trustManager(pki.caCert().toFile());
		if (cert != null) {
			ssl.keyManager(cert.toFile(), key.toFile(), null);
		}
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost("localhost").withPort(port).withSsl(true).build());
		client.setOptions(ClientOptions.builder().sslOptions(ssl.build()).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("tls", "yes");
			return connection.sync().ping() + " " + connection.sync().get("tls");
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void lettuceTalksTlsBesideThePlainPort() {
		try (Engine engine = start(ClientAuth.NO)) {
			assertThat(engine.tlsPort()).isPositive().isNotEqualTo(engine.port());
			assertThat(ping(engine.tlsPort(), null, null)).isEqualTo("PONG yes");
			try (RespClient plain = new RespClient(engine.port())) {
				assertThat(plain.call("GET", "tls").text()).isEqualTo("yes");
			}
		}
	}

	@Test
	void authClientsYesRefusesClientsWithoutATrustedCertificate() {
		try (Engine engine = start(ClientAuth.YES)) {
			assertThatThrownBy(() -> ping(engine.tlsPort(), null, null)).isInstanceOf(RedisConnectionException.class);
			assertThatThrownBy(() -> ping(engine.tlsPort(), pki.rogueClientCert(), pki.rogueClientKey()))
				.isInstanceOf(RedisConnectionException.class);
			assertThat(ping(engine.tlsPort(), pki.clientCert(), pki.clientKey())).isEqualTo("PONG yes");
		}
	}

	@Test
	void authClientsOptionalServesClientsWithOrWithoutACertificate() {
		try (Engine engine = start(ClientAuth.OPTIONAL)) {
			assertThat(ping(engine.tlsPort(), null, null)).isEqualTo("PONG yes");
			assertThat(ping(engine.tlsPort(), pki.clientCert(), pki.clientKey())).isEqualTo("PONG yes");
		}
	}

	@Test
	void redisCliSpeaksTlsToTheEngine() throws Exception {
		Path cli = RedisServerExtension.findBinary("redis-cli");
		org.junit.jupiter.api.Assumptions.assumeTrue(cli != null, "redis-cli is not installed");
		try (Engine engine = start(ClientAuth.YES)) {
			Process p = new ProcessBuilder(cli.toString(), "--tls", "--cacert", pki.caCert().toString(), "--cert",
					pki.clientCert().toString(), "--key", pki.clientKey().toString(), "-h", "localhost", "-p",
					String.valueOf(engine.tlsPort()), "CONFIG", "GET", "tls-auth-clients")
				.redirectErrorStream(true)
				.start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(out).isEqualTo("tls-auth-clients\nyes\n");
		}
	}

	@Test
	void configGetReportsTheTlsTheEngineRuns() {
		try (Engine engine = Engine.start(EngineConfig.builder()
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.serverCert(), pki.serverKey(), pki.caCert())
				.withClientAuth(ClientAuth.OPTIONAL)
				.withProtocols(List.of("TLSv1.3")))
			.build())) {
			assertThat(engine.port()).isEqualTo(-1);
			assertThat(configGet(engine, "tls-port")).isEqualTo(String.valueOf(engine.tlsPort()));
			assertThat(configGet(engine, "port")).isEqualTo("0");
			assertThat(configGet(engine, "tls-auth-clients")).isEqualTo("optional");
			assertThat(configGet(engine, "tls-cert-file")).isEqualTo(pki.serverCert().toString());
			assertThat(configGet(engine, "tls-protocols")).isEqualTo("TLSv1.3");
			assertThat(engine.execute("CONFIG", "SET", "tls-auth-clients", "optional")).isEqualTo(Reply.ok());
			assertThat(engine.execute("CONFIG", "SET", "tls-auth-clients", "no").toString())
				.contains("applies TLS settings at start-up only");
			assertThat(ping(engine.tlsPort(), null, null)).isEqualTo("PONG yes");
		}
	}

	@Test
	void aCallersSslContextOrKeyAndTrustManagersServeTls() throws Exception {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(pki.serverKeyStore())) {
			keys.load(in, TestCertificates.STORE_PASSWORD.toCharArray());
		}
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(keys, TestCertificates.STORE_PASSWORD.toCharArray());
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(pki.caCert())) {
			trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
		try (Engine engine = Engine.start(EngineConfig.builder().tlsPort(0).tls(TlsSettings.of(context)).build())) {
			assertThatThrownBy(() -> ping(engine.tlsPort(), null, null)).isInstanceOf(RedisConnectionException.class);
			assertThat(ping(engine.tlsPort(), pki.clientCert(), pki.clientKey())).isEqualTo("PONG yes");
		}
		try (Engine engine = Engine.start(EngineConfig.builder()
			.tlsPort(0)
			.tls(TlsSettings.of(kmf, tmf).withClientAuth(ClientAuth.YES))
			.build())) {
			assertThat(ping(engine.tlsPort(), pki.clientCert(), pki.clientKey())).isEqualTo("PONG yes");
		}
	}

	@Test
	void badTlsSettingsFailTheStart() {
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder()
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.serverCert(), pki.serverKey(), null))
			.build())).hasMessage(ServerTls.CA_REQUIRED);
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder()
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.caCert(), tmp.resolve("missing.key"), null).withClientAuth(ClientAuth.NO))
			.build())).hasMessageContaining("missing.key");
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder()
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.serverCert(), pki.serverKey(), pki.caCert())
				.withCiphers(List.of("NO_SUCH_CIPHER")))
			.build())).hasMessageStartingWith("TLS cannot be set up").hasMessageContaining("NO_SUCH_CIPHER");
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder()
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.serverCert(), pki.serverKey(), pki.caCert()).withProtocols(List.of("SSLv1")))
			.build())).hasMessageStartingWith("TLS cannot be set up");
	}

	/**
	 * As in Redis, protected mode answers a TLS client from outside loopback once the
	 * handshake is done, inside the TLS session.
	 */
	@Test
	void protectedModeRefusesNonLoopbackTlsClientsAfterTheHandshake() throws Exception {
		InetAddress outside = ConnectionRefusalDifferentialTest.nonLoopbackAddress();
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(pki.caCert())) {
			trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trust);
		SSLContext client = SSLContext.getInstance("TLS");
		client.init(null, tmf.getTrustManagers(), null);
		try (Engine engine = Engine.start(EngineConfig.builder()
			.bind("0.0.0.0")
			.tlsPort(0)
			.tls(TlsSettings.pem(pki.serverCert(), pki.serverKey(), null).withClientAuth(ClientAuth.NO))
			.build());
				SSLSocket socket = (SSLSocket) client.getSocketFactory()
					.createSocket(outside.getHostAddress(), engine.tlsPort())) {
			socket.setSoTimeout(5000);
			socket.startHandshake();
			String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(reply).isEqualTo(new String(ProtectedMode.DENIED, StandardCharsets.US_ASCII));
		}
	}

	/**
	 * Plain RESP, garbage and a half-finished handshake on the TLS port: each connection
	 * is closed, no buffer leaks (Netty's paranoid leak detector reports none), and no
	 * client or thread stays behind.
	 */
	@Test
	void handshakeFailuresCloseTheConnectionAndLeakNothing() throws Exception {
		ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
		Logger leakLog = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
		ListAppender<ILoggingEvent> leaks = new ListAppender<>();
		leaks.start();
		leakLog.addAppender(leaks);
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		try (Engine engine = start(ClientAuth.NO)) {
			ping(engine.tlsPort(), null, null); // the event loops' threads exist from
												// here on
			int threads = Thread.activeCount();
			for (int i = 0; i < 30; i++) {
				byte[] sent = switch (i % 3) {
					case 0 -> RespClient.encode("PING");
					case 1 -> "GET k\r\n".getBytes(StandardCharsets.US_ASCII);
					// a TLS record header announcing a ClientHello that never comes
					default -> new byte[] { 0x16, 0x03, 0x01, 0x00, (byte) 0xff, 0x01 };
				};
				assertClosedAfter(engine.tlsPort(), sent, i % 3 == 2 ? 1 : 10_000);
			}
			awaitConnectedClients(engine, 0);
			assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads + 2);
			for (int i = 0; i < 3; i++) {
				System.gc();
				// allocations after the collection let the detector report what was lost
				assertThat(ping(engine.tlsPort(), null, null)).isEqualTo("PONG yes");
			}
		}
		finally {
			ResourceLeakDetector.setLevel(level);
			leakLog.detachAppender(leaks);
		}
		assertThat(leaks.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("LEAK"));
	}

	/**
	 * Sends {@code bytes} (after waiting {@code delayMillis}) and expects the engine to
	 * hang up.
	 */
	private static void assertClosedAfter(int port, byte[] bytes, int readTimeoutMillis) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(readTimeoutMillis == 1 ? 15_000 : readTimeoutMillis);
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
			if (readTimeoutMillis == 1) {
				socket.shutdownOutput(); // the peer's half-close aborts the handshake
			}
			InputStream in = socket.getInputStream();
			try {
				while (in.read() >= 0) {
					// an alert, if any, then the end of the stream
				}
			}
			catch (SocketException reset) {
				// closed with unread input: a reset is a close too
			}
		}
	}

	private static String configGet(Engine engine, String name) {
		Reply.MapReply reply = (Reply.MapReply) engine.execute("CONFIG", "GET", name);
		return ((Reply.BulkString) reply.keysAndValues().get(1)).asString();
	}

	private static void awaitConnectedClients(Engine engine, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		String info = "";
		while (System.nanoTime() < deadline) {
			info = engine.execute("INFO", "clients").toString();
			if (info.contains("connected_clients:" + expected + "\r\n")) {
				return;
			}
			Thread.sleep(10);
		}
		assertThat(info).contains("connected_clients:" + expected + "\r\n");
	}

}
