package dev.larder.engine.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * How the engine's TLS port authenticates itself and its clients. Immutable: the
 * factories pick the source of keys and trust, the {@code with*} methods return a changed
 * copy.
 *
 * <ul>
 * <li>{@link #of(SSLContext)}: a context built by the caller (for example from a Spring
 * Boot SSL bundle); its trust managers check client certificates.</li>
 * <li>{@link #of(KeyManagerFactory, TrustManagerFactory)}: key and trust managers.</li>
 * <li>{@link #pem(Path, Path, Path)}: PEM files, as Redis's tls-cert-file, tls-key-file
 * and tls-ca-cert-file (the key in PKCS#8, {@code BEGIN PRIVATE KEY}, which OpenSSL 3
 * writes by default).</li>
 * </ul>
 * Clients must present a certificate by default ({@link ClientAuth#YES}, Redis's
 * tls-auth-clients default).
 */
public final class TlsSettings {

	/** Redis's tls-auth-clients: whether a client must present a trusted certificate. */
	public enum ClientAuth {

		/** No client certificate is asked for. */
		NO,
		/** A client without a trusted certificate is refused at the handshake. */
		YES,
		/** A client may present none, but one it presents must be trusted. */
		OPTIONAL;

		/** The tls-auth-clients value: no, yes or optional. */
		public String configName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** Parses a tls-auth-clients value, case-insensitively. */
		public static ClientAuth fromConfigName(String name) {
			for (ClientAuth auth : values()) {
				if (auth.configName().equalsIgnoreCase(name)) {
					return auth;
				}
			}
			throw new IllegalArgumentException("tls-auth-clients must be yes, no or optional, not '" + name + "'");
		}

	}

	private final @Nullable SSLContext sslContext;

	private final @Nullable KeyManagerFactory keyManagers;

	private final @Nullable TrustManagerFactory trustManagers;

	private final @Nullable Path certFile;

	private final @Nullable Path keyFile;

	private final @Nullable String keyPassword;

	private final @Nullable Path caCertFile;

	private final ClientAuth clientAuth;

	private final List<String> protocols;

	private final List<String> ciphers;

	private TlsSettings(@Nullable SSLContext sslContext, @Nullable KeyManagerFactory keyManagers,
			@Nullable TrustManagerFactory trustManagers, @Nullable Path certFile, @Nullable Path keyFile,
			@Nullable String keyPassword, @Nullable Path caCertFile, ClientAuth clientAuth, List<String> protocols,
			List<String> ciphers) {
		this.sslContext = sslContext;
		this.keyManagers = keyManagers;
		this.trustManagers = trustManagers;
		this.certFile = certFile;
		this.keyFile = keyFile;
		this.keyPassword = keyPassword;
		this.caCertFile = caCertFile;
		this.clientAuth = clientAuth;
		this.protocols = List.copyOf(protocols);
		this.ciphers = List.copyOf(ciphers);
	}

	/**
	 * TLS with a context the caller built: its key managers authenticate the engine, its
	 * trust managers check client certificates.
	 */
	public static TlsSettings of(SSLContext sslContext) {
		return new TlsSettings(Objects.requireNonNull(sslContext, "sslContext"), null, null, null, null, null, null,
				ClientAuth.YES, List.of(), List.of());
	}

	/**
	 * TLS with the engine's key managers and, to check client certificates, trust
	 * managers (null: clients cannot be checked, so {@link #withClientAuth} must say NO).
	 */
	public static TlsSettings of(KeyManagerFactory keyManagers, @Nullable TrustManagerFactory trustManagers) {
		return new TlsSettings(null, Objects.requireNonNull(keyManagers, "keyManagers"), trustManagers, null, null,
				null, null, ClientAuth.YES, List.of(), List.of());
	}

	/**
	 * TLS from PEM files: the engine's certificate chain and private key (PKCS#8), and
	 * the CA certificates that client certificates must chain to (null: clients cannot be
	 * checked, so {@link #withClientAuth} must say NO).
	 */
	public static TlsSettings pem(Path certFile, Path keyFile, @Nullable Path caCertFile) {
		return new TlsSettings(null, null, null, Objects.requireNonNull(certFile, "certFile"),
				Objects.requireNonNull(keyFile, "keyFile"), null, caCertFile, ClientAuth.YES, List.of(), List.of());
	}

	public TlsSettings withClientAuth(ClientAuth clientAuth) {
		return new TlsSettings(sslContext, keyManagers, trustManagers, certFile, keyFile, keyPassword, caCertFile,
				Objects.requireNonNull(clientAuth, "clientAuth"), protocols, ciphers);
	}

	/** The protocols to accept, such as TLSv1.2 and TLSv1.3; empty for the JDK's. */
	public TlsSettings withProtocols(List<String> protocols) {
		return new TlsSettings(sslContext, keyManagers, trustManagers, certFile, keyFile, keyPassword, caCertFile,
				clientAuth, protocols, ciphers);
	}

	/**
	 * The cipher suites to accept, by their JDK (IANA) names such as
	 * TLS_AES_128_GCM_SHA256; empty for the JDK's.
	 */
	public TlsSettings withCiphers(List<String> ciphers) {
		return new TlsSettings(sslContext, keyManagers, trustManagers, certFile, keyFile, keyPassword, caCertFile,
				clientAuth, protocols, ciphers);
	}

	/** The password of an encrypted PEM private key (Redis's tls-key-file-pass). */
	public TlsSettings withKeyPassword(@Nullable String keyPassword) {
		return new TlsSettings(sslContext, keyManagers, trustManagers, certFile, keyFile,
				keyPassword == null || keyPassword.isEmpty() ? null : keyPassword, caCertFile, clientAuth, protocols,
				ciphers);
	}

	public @Nullable SSLContext sslContext() {
		return sslContext;
	}

	public @Nullable KeyManagerFactory keyManagers() {
		return keyManagers;
	}

	public @Nullable TrustManagerFactory trustManagers() {
		return trustManagers;
	}

	public @Nullable Path certFile() {
		return certFile;
	}

	public @Nullable Path keyFile() {
		return keyFile;
	}

	public @Nullable String keyPassword() {
		return keyPassword;
	}

	public @Nullable Path caCertFile() {
		return caCertFile;
	}

	public ClientAuth clientAuth() {
		return clientAuth;
	}

	public List<String> protocols() {
		return protocols;
	}

	public List<String> ciphers() {
		return ciphers;
	}

}
