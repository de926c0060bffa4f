package dev.larder.autoconfigure.embedded;

import java.util.List;

import dev.larder.engine.tls.TlsSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * The engine's TLS from the Spring Boot SSL bundle {@code larder.embedded.ssl.bundle}
 * names ({@code spring.ssl.bundle.pem.<name>} or {@code spring.ssl.bundle.jks.<name>}):
 * its key and trust material, protocol, enabled protocols and ciphers.
 */
final class EngineSslBundle {

	static final String PROPERTY = "larder.embedded.ssl.bundle";

	private EngineSslBundle() {
	}

	static TlsSettings tls(String bundleName, TlsSettings.ClientAuth clientAuth, @Nullable SslBundles bundles) {
		if (bundles == null) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, bundleName,
					"No SslBundles bean exists to resolve it: enable Spring Boot's SslAutoConfiguration");
		}
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, bundleName,
					"No SSL bundle named '" + bundleName + "' is configured: define spring.ssl.bundle.pem." + bundleName
							+ " or spring.ssl.bundle.jks." + bundleName);
		}
		SslOptions options = bundle.getOptions();
		return TlsSettings.of(bundle.createSslContext())
			.withClientAuth(clientAuth)
			.withProtocols(list(options.getEnabledProtocols()))
			.withCiphers(list(options.getCiphers()));
	}

	private static List<String> list(String @Nullable [] values) {
		return (values != null) ? List.of(values) : List.of();
	}

}
