package dev.larder.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PKI made with the {@code openssl} command at test time: a CA, a server
 * certificate for localhost and 127.0.0.1, and a client certificate, each signed by the
 * CA; plus a second, untrusted CA's client certificate. Keys are P-256 in PKCS#8 (what
 * OpenSSL 3 writes). Tests are skipped when openssl is not installed.
 */
public final class TestCertificates {

	/** The password of {@link #serverKeyStore()}. */
	public static final String STORE_PASSWORD = "changeit";

	private final Path dir;

	private TestCertificates(Path dir) {
		this.dir = dir;
	}

	/** Generates everything in a new directory under {@code parent}. */
	public static TestCertificates create(Path parent) {
		Assumptions.assumeTrue(RedisServerExtension.findBinary("openssl") != null, "openssl is not installed");
		try {
			Path dir = Files.createTempDirectory(parent, "pki");
			TestCertificates pki = new TestCertificates(dir);
			pki.ca("ca", "Larder Test CA");
			pki.ca("rogue-ca", "Rogue CA");
			pki.signed("server", "localhost", "ca",
					"subjectAltName=DNS:localhost,IP:127.0.0.1\n" + "extendedKeyUsage=serverAuth\n");
			pki.signed("client", "larder-client", "ca", "extendedKeyUsage=clientAuth\n");
			pki.signed("rogue-client", "rogue-client", "rogue-ca", "extendedKeyUsage=clientAuth\n");
			pki.openssl("pkcs12", "-export", "-in", "server.crt", "-inkey", "server.key", "-out", "server.p12",
					"-passout", "pass:" + STORE_PASSWORD);
			return pki;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path caCert() {
		return dir.resolve("ca.crt");
	}

	public Path serverCert() {
		return dir.resolve("server.crt");
	}

	public Path serverKey() {
		return dir.resolve("server.key");
	}

	public Path clientCert() {
		return dir.resolve("client.crt");
	}

	public Path clientKey() {
		return dir.resolve("client.key");
	}

	/** The server's key and certificate in a PKCS#12 key store. */
	public Path serverKeyStore() {
		return dir.resolve("server.p12");
	}

	/** A client certificate the CA did not sign. */
	public Path rogueClientCert() {
		return dir.resolve("rogue-client.crt");
	}

	public Path rogueClientKey() {
		return dir.resolve("rogue-client.key");
	}

	private void ca(String name, String cn) throws IOException {
		openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
				name + ".key", "-out", name + ".crt", "-days", "2", "-subj", "/CN=" + cn);
	}

	private void signed(String name, String cn, String ca, String extensions) throws IOException {
		Files.writeString(dir.resolve(name + ".ext"), extensions);
		openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
				"-out", name + ".csr", "-subj", "/CN=" + cn);
		openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial",
				"-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
	}

	private void openssl(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add("openssl");
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		try {
			String output = new String(p.getInputStream().readAllBytes());
			if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

}
