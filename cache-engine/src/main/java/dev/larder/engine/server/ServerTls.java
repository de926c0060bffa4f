package dev.larder.engine.server;

import dev.larder.engine.tls.TlsSettings;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Path;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Turns the engine's {@link TlsSettings} into the Netty context every TLS connection's
 * SslHandler is made from. Built once at start-up, so bad files or names fail the start
 * rather than the first handshake.
 */
final class ServerTls {

	/** Redis's start-up error (tlsConfigure) for tls-auth-clients without a CA. */
	static final String CA_REQUIRED = "Either tls-ca-cert-file or tls-ca-cert-dir must be specified when tls-cluster, "
			+ "tls-replication or tls-auth-clients are enabled!";

	private ServerTls() {
	}

	static SslContext context(TlsSettings settings) {
		SslContext context = build(settings);
		try {
			// protocols and cipher names are applied to each connection's engine: try one
			// now, so a misspelt name fails the start rather than every handshake
			ReferenceCountUtil.release(context.newEngine(UnpooledByteBufAllocator.DEFAULT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("TLS cannot be set up: " + e.getMessage(), e);
		}
		return context;
	}

	private static SslContext build(TlsSettings settings) {
		ClientAuth auth = switch (settings.clientAuth()) {
			case NO -> ClientAuth.NONE;
			case YES -> ClientAuth.REQUIRE;
			case OPTIONAL -> ClientAuth.OPTIONAL;
		};
		SSLContext given = settings.sslContext();
		if (given != null) {
			return new JdkSslContext(given, false, settings.ciphers().isEmpty() ? null : settings.ciphers(),
					IdentityCipherSuiteFilter.INSTANCE, null, auth, protocols(settings), false);
		}
		SslContextBuilder builder = builder(settings, auth != ClientAuth.NONE).clientAuth(auth);
		if (!settings.protocols().isEmpty()) {
			builder.protocols(settings.protocols());
		}
		if (!settings.ciphers().isEmpty()) {
			builder.ciphers(settings.ciphers(), IdentityCipherSuiteFilter.INSTANCE);
		}
		try {
			return builder.build();
		}
		catch (SSLException | RuntimeException e) {
			throw new IllegalArgumentException("TLS cannot be set up: " + e.getMessage(), e);
		}
	}

	private static SslContextBuilder builder(TlsSettings settings, boolean checksClients) {
		KeyManagerFactory keyManagers = settings.keyManagers();
		if (keyManagers != null) {
			TrustManagerFactory trust = settings.trustManagers();
			if (trust == null && checksClients) {
				throw new IllegalArgumentException("TLS client authentication needs trust managers to check client "
						+ "certificates: give a TrustManagerFactory, or set client auth to NO");
			}
			return SslContextBuilder.forServer(keyManagers).trustManager(trust);
		}
		Path cert = required(settings.certFile(), "tls-cert-file");
		Path key = required(settings.keyFile(), "tls-key-file");
		Path ca = settings.caCertFile();
		if (ca == null && checksClients) {
			throw new IllegalArgumentException(CA_REQUIRED);
		}
		try {
			SslContextBuilder builder = SslContextBuilder.forServer(cert.toFile(), key.toFile(),
					settings.keyPassword());
			return ca == null ? builder : builder.trustManager(ca.toFile());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("TLS cannot read " + cert + " or " + key + ": " + e.getMessage(), e);
		}
	}

	private static Path required(@Nullable Path file, String name) {
		if (file == null) {
			throw new IllegalArgumentException(name + " is required for TLS");
		}
		return file;
	}

	private static String @Nullable [] protocols(TlsSettings settings) {
		return settings.protocols().isEmpty() ? null : settings.protocols().toArray(new String[0]);
	}

}
