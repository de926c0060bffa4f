package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections the server turns away, against a real redis-server 7.0.15 bound the same
 * way (0.0.0.0): protected mode refusing a client from a non-loopback address of this
 * machine, and maxclients. Same bytes, same counters.
 */
class ConnectionRefusalDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension("--bind", "0.0.0.0");

	private static Engine engine;

	private static final List<RespClient> clients = new ArrayList<>();

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).bind("0.0.0.0").activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	@AfterEach
	void reset() {
		clients.forEach(RespClient::close);
		clients.clear();
		for (int port : new int[] { engine.port(), REDIS.port() }) {
			try (RespClient admin = new RespClient(port)) {
				// whichever password a test gave the default user (an error when none)
				admin.call("AUTH", "s3cret");
				admin.call("AUTH", "acl-pw");
				admin.call("CONFIG", "SET", "protected-mode", "yes");
				admin.call("CONFIG", "SET", "requirepass", "");
				// requirepass unchanged ("" again) leaves a password ACL SETUSER gave
				admin.call("ACL", "SETUSER", "default", "resetpass", "nopass");
				admin.call("CONFIG", "SET", "maxclients", "10000");
			}
		}
	}

	/**
	 * An IPv4 address of this machine other than loopback, which both servers listen on.
	 */
	static InetAddress nonLoopbackAddress() throws SocketException {
		Optional<InetAddress> found = NetworkInterface.networkInterfaces().filter(i -> {
			try {
				return i.isUp() && !i.isLoopback();
			}
			catch (SocketException e) {
				return false;
			}
		})
			.flatMap(NetworkInterface::inetAddresses)
			.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
			.findFirst();
		Assumptions.assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address");
		return found.get();
	}

	/** Connects from {@code from} and reads what the server says before it hangs up. */
	private static String refusal(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress(address, port), 5000);
			socket.setSoTimeout(5000);
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			for (int n; (n = in.read(buffer)) >= 0;) {
				read.write(buffer, 0, n);
			}
			return read.toString(StandardCharsets.US_ASCII);
		}
	}

	private static String stat(int port, String field) {
		try (RespClient admin = new RespClient(port)) {
			return admin.call("INFO", "stats")
				.text()
				.lines()
				.filter(l -> l.startsWith(field + ":"))
				.findFirst()
				.orElseThrow();
		}
	}

	private static void both(IntFunction<Object> check) {
		assertThat(check.apply(engine.port())).isEqualTo(check.apply(REDIS.port()));
	}

	@Test
	void protectedModeRefusesNonLoopbackClientsWithRedisMessage() throws IOException {
		InetAddress outside = nonLoopbackAddress();
		String engineReply = refusal(outside, engine.port());
		assertThat(engineReply).startsWith("-DENIED Redis is running in protected mode").endsWith("\r\n");
		assertThat(engineReply).isEqualTo(refusal(outside, REDIS.port()));
		both(port -> stat(port, "rejected_connections"));
		// loopback clients are served all along
		both(port -> {
			try (RespClient local = new RespClient(port)) {
				return local.call("PING").text();
			}
		});
	}

	@Test
	void protectedModeOffOrAPasswordLetsNonLoopbackClientsIn() throws IOException {
		InetAddress outside = nonLoopbackAddress();
		both(port -> {
			try (RespClient admin = new RespClient(port)) {
				admin.call("CONFIG", "SET", "protected-mode", "no");
			}
			try (RespClient remote = new RespClient(outside.getHostAddress(), port, 5000)) {
				return remote.call("PING").text();
			}
		});
		both(port -> {
			try (RespClient admin = new RespClient(port)) {
				admin.call("CONFIG", "SET", "protected-mode", "yes");
				admin.call("CONFIG", "SET", "requirepass", "s3cret");
			}
			try (RespClient remote = new RespClient(outside.getHostAddress(), port, 5000)) {
				return remote.call("PING").text() + " " + remote.call("AUTH", "s3cret").text();
			}
		});
	}

	/**
	 * Protected mode asks whether the default user has a password, however it got one:
	 * ACL SETUSER counts as requirepass does.
	 */
	@Test
	void aPasswordGivenToTheDefaultUserByAclLetsNonLoopbackClientsIn() throws IOException {
		InetAddress outside = nonLoopbackAddress();
		both(port -> {
			try (RespClient admin = new RespClient(port)) {
				admin.call("ACL", "SETUSER", "default", ">acl-pw");
			}
			try (RespClient remote = new RespClient(outside.getHostAddress(), port, 5000)) {
				return remote.call("PING").text() + " " + remote.call("AUTH", "acl-pw").text() + " "
						+ remote.call("PING").text();
			}
		});
	}

	@Test
	void maxClientsRefusesTheConnectionOverTheLimitWithRedisError() {
		both(port -> {
			RespClient admin = new RespClient(port);
			clients.add(admin);
			String set = admin.call("CONFIG", "SET", "maxclients", "2").text();
			RespClient second = new RespClient(port);
			clients.add(second);
			String served = second.call("PING").text();
			RespClient third = new RespClient(port);
			clients.add(third);
			String refused = third.read().text();
			third.close();
			second.close();
			// lifted again on the connection that counts already: a new one (the reset
			// after the test) could be refused while the server still counts the closed
			admin.call("CONFIG", "SET", "maxclients", "10000");
			return set + " " + served + " " + refused;
		});
	}

}
