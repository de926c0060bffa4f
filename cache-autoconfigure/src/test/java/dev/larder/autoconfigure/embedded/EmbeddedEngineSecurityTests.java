package dev.larder.autoconfigure.embedded;

import java.nio.file.Path;
import java.time.Duration;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCacheManager;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import dev.larder.engine.tls.TlsSettings;
import dev.larder.testing.TestCertificates;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded engine's port security from properties: TLS through a Spring Boot SSL
 * bundle, protected mode and disabled commands.
 */
class EmbeddedEngineSecurityTests {

	@TempDir
	static Path tmp;

	static TestCertificates pki;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class, SslAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class);

	@BeforeAll
	static void pki() {
		pki = TestCertificates.create(tmp);
	}

	private ApplicationContextRunner withPemBundle() {
		return this.runner.withPropertyValues(
				"spring.ssl.bundle.pem.larder.keystore.certificate=file:" + pki.serverCert(),
				"spring.ssl.bundle.pem.larder.keystore.private-key=file:" + pki.serverKey(),
				"spring.ssl.bundle.pem.larder.truststore.certificate=file:" + pki.caCert(),
				"larder.embedded.ssl.bundle=larder", "larder.embedded.port=0");
	}

	/** SET then GET over TLS with Lettuce, trusting the test CA. */
	private static String roundTrip(int port, boolean clientCertificate) {
		SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider().trustManager(pki.caCert().toFile());
		if (clientCertificate) {
			ssl.keyManager(pki.clientCert().toFile(), pki.clientKey().toFile(), null);
		}
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost("localhost").withPort(port).withSsl(true).build());
		client.setOptions(ClientOptions.builder().sslOptions(ssl.build()).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("over", "tls");
			return connection.sync().get("over");
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void anSslBundleMakesThePortServeTlsToLettuce() {
		withPemBundle().run((context) -> {
			Engine engine = context.getBean(Engine.class);
			assertThat(engine.port()).as("no plain listener").isEqualTo(-1);
			assertThat(engine.tlsPort()).isPositive();
			assertThat(engine.config().tls().clientAuth()).isEqualTo(TlsSettings.ClientAuth.NO);
			assertThat(roundTrip(engine.tlsPort(), false)).isEqualTo("tls");
			assertThat(engine.execute("GET", "over")).isEqualTo(Reply.bulk("tls"));
		});
	}

	@Test
	void clientAuthYesNeedsACertificateTheBundleTrusts() {
		withPemBundle().withPropertyValues("larder.embedded.ssl.client-auth=yes").run((context) -> {
			Engine engine = context.getBean(Engine.class);
			assertThat(engine.execute("CONFIG", "GET", "tls-auth-clients").toString()).contains("yes");
			assertThat(roundTrip(engine.tlsPort(), true)).isEqualTo("tls");
		});
	}

	@Test
	void aJksBundleServesToo() {
		this.runner
			.withPropertyValues("spring.ssl.bundle.jks.store.keystore.location=file:" + pki.serverKeyStore(),
					"spring.ssl.bundle.jks.store.keystore.type=PKCS12",
					"spring.ssl.bundle.jks.store.keystore.password=" + TestCertificates.STORE_PASSWORD,
					"larder.embedded.ssl.bundle=store", "larder.embedded.port=0")
			.run((context) -> assertThat(roundTrip(context.getBean(Engine.class).tlsPort(), false)).isEqualTo("tls"));
	}

	@Test
	void aMissingBundleFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.embedded.ssl.bundle=nope", "larder.embedded.port=0")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.ssl.bundle")
				.hasStackTraceContaining("No SSL bundle named 'nope'"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
			.withUserConfiguration(CachingConfiguration.class)
			.withPropertyValues("larder.embedded.ssl.bundle=nope", "larder.embedded.port=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("larder.embedded.ssl.bundle"));
	}

	@Test
	void aBundleWithoutAPortOrABadClientAuthFailsStartup() {
		this.runner.withPropertyValues("larder.embedded.ssl.bundle=larder")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.ssl.bundle secures the RESP port"));
		withPemBundle().withPropertyValues("larder.embedded.ssl.client-auth=maybe")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.ssl.client-auth"));
	}

	@Test
	void disabledCommandsAnswerAsUnknownAndTheCacheStillWorks() {
		this.runner.withPropertyValues("larder.embedded.disabled-commands=FLUSHALL, CONFIG, DEBUG, KEYS")
			.run((context) -> {
				Engine engine = context.getBean(Engine.class);
				assertThat(engine.execute("FLUSHALL").toString())
					.contains("unknown command 'FLUSHALL', with args beginning with: ");
				assertThat(engine.execute("KEYS", "*").toString()).contains("unknown command 'KEYS'");
				var cache = context.getBean(LarderCacheManager.class).getCache("products");
				cache.put(1L, "tea");
				assertThat(cache.get(1L, String.class)).isEqualTo("tea");
				cache.clear();
				assertThat(cache.get(1L)).isNull();
			});
	}

	@Test
	void anUnknownOrNeededDisabledCommandFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.embedded.disabled-commands=FLUSHALL,FLUSHAL")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.disabled-commands")
				.hasStackTraceContaining("'flushal' is not a command of the embedded engine"));
		this.runner.withPropertyValues("larder.embedded.disabled-commands=SCAN")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.disabled-commands cannot disable SCAN"));
	}

	@Test
	void protectedModeIsOnUnlessTurnedOff() {
		this.runner.run((context) -> assertThat(context.getBean(Engine.class).config().protectedMode()).isTrue());
		this.runner.withPropertyValues("larder.embedded.protected-mode=false").run((context) -> {
			Engine engine = context.getBean(Engine.class);
			assertThat(engine.execute("CONFIG", "GET", "protected-mode").toString()).contains("no");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}
