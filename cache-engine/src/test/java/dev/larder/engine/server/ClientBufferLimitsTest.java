package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RespClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * client-output-buffer-limit normal and maxmemory-clients over real sockets: clients that
 * pipeline reads of a big value and never read the replies.
 */
class ClientBufferLimitsTest {

	private static final int VALUE = 100 * 1024;

	/** Far more replies than the kernel's and Netty's buffers hold together. */
	private static final int GETS = 400;

	private Engine engine;

	private RespClient admin;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		admin = new RespClient(engine.port());
		assertThat(admin.call("CLIENT", "NO-EVICT", "on").toString()).contains("OK");
		assertThat(admin.call("SET", "bigkey", "x".repeat(VALUE)).toString()).contains("OK");
	}

	@AfterEach
	void stop() {
		admin.close();
		engine.close();
	}

	@Test
	void normalClientOverTheHardLimitIsClosedAndOthersAreServed() throws IOException {
		assertThat(admin.call("CONFIG", "SET", "client-output-buffer-limit", "normal 1mb 0 0").toString())
			.contains("OK");
		try (Socket slow = slowReader()) {
			assertThat(readsToEnd(slow)).as("the engine closed the slow reader").isTrue();
			try (RespClient other = new RespClient(engine.port())) {
				assertThat(other.call("PING").toString()).contains("PONG");
				assertThat(other.call("STRLEN", "bigkey").toString()).contains(String.valueOf(VALUE));
			}
		}
	}

	@Test
	void normalClientIsNotClosedByDefaultAndReportsItsPendingOutput() throws IOException {
		try (Socket slow = slowReader()) {
			long id = lastClientId();
			awaitTrue(() -> field(clientLine(id), "omem") > 200 * 1024);
			String line = clientLine(id);
			assertThat(field(line, "tot-mem")).isEqualTo(field(line, "qbuf") + field(line, "omem"));
			assertThat(bulkRepliesIn(slow.getInputStream())).isEqualTo(GETS);
		}
	}

	@Test
	void maxmemoryClientsEvictsTheBiggestClientsButNeverNoEvictOnes() throws IOException {
		try (Socket kept = slowReader(command("CLIENT", "NO-EVICT", "on"))) {
			long keptId = lastClientId();
			awaitTrue(() -> clientLine(keptId).contains("flags=e"));
			awaitTrue(() -> field(clientLine(keptId), "omem") > 200 * 1024);
			// a slow reader pauses with more than 1 MB unsent (Netty's high water mark)
			assertThat(admin.call("CONFIG", "SET", "maxmemory-clients", "1mb").toString()).contains("OK");
			try (Socket first = slowReader(); Socket second = slowReader()) {
				assertThat(readsToEnd(first)).isTrue();
				assertThat(readsToEnd(second)).isTrue();
			}
			assertThat(info("evicted_clients")).isGreaterThanOrEqualTo(2);
			assertThat(clientLine(keptId)).contains("id=" + keptId);
			assertThat(admin.call("CONFIG", "SET", "maxmemory-clients", "0").toString()).contains("OK");
			try (RespClient other = new RespClient(engine.port())) {
				assertThat(other.call("PING").toString()).contains("PONG");
			}
			// CLIENT NO-EVICT's +OK, then every reply of the NO-EVICT client
			assertThat(bulkRepliesIn(kept.getInputStream())).isEqualTo(GETS);
		}
	}

	@Test
	void bigPartialInputsCountAgainstMaxmemoryClients() throws IOException {
		assertThat(admin.call("CONFIG", "SET", "maxmemory-clients", "1mb").toString()).contains("OK");
		long before = info("evicted_clients");
		try (Socket a = connect(); Socket b = connect()) {
			byte[] half = ("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + (4 * 1024 * 1024) + "\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			a.getOutputStream().write(half);
			a.getOutputStream().write(new byte[700 * 1024]);
			b.getOutputStream().write(half);
			b.getOutputStream().write(new byte[700 * 1024]);
			awaitTrue(() -> info("evicted_clients") >= before + 1);
		}
		try (RespClient other = new RespClient(engine.port())) {
			assertThat(other.call("PING").toString()).contains("PONG");
		}
	}

	/** Connects, and waits until the engine lists the new client. */
	private Socket connect() throws IOException {
		long before = lastClientId();
		Socket s = new Socket();
		s.connect(new InetSocketAddress("127.0.0.1", engine.port()), 5_000);
		s.setSoTimeout(10_000);
		awaitTrue(() -> lastClientId() > before);
		return s;
	}

	/** A client that pipelines {@link #GETS} reads of bigkey and reads nothing yet. */
	private Socket slowReader() throws IOException {
		return slowReader(new byte[0]);
	}

	/** A slow reader that sends {@code first} before its reads. */
	private Socket slowReader(byte[] first) throws IOException {
		Socket s = connect();
		s.setReceiveBufferSize(64 * 1024);
		OutputStream out = s.getOutputStream();
		out.write(first);
		byte[] get = command("GET", "bigkey");
		byte[] all = new byte[get.length * GETS];
		for (int i = 0; i < GETS; i++) {
			System.arraycopy(get, 0, all, i * get.length, get.length);
		}
		out.write(all);
		out.flush();
		return s;
	}

	/**
	 * Reads until the engine closes the connection (EOF, or a reset after unread input).
	 */
	private static boolean readsToEnd(Socket s) {
		byte[] buf = new byte[64 * 1024];
		try {
			InputStream in = s.getInputStream();
			while (in.read(buf) != -1) {
				// drains what was sent before the close
			}
			return true;
		}
		catch (java.net.SocketTimeoutException e) {
			return false;
		}
		catch (IOException e) {
			return true;
		}
	}

	/** Reads replies until {@link #GETS} bulk strings have come; counts them. */
	private static int bulkRepliesIn(InputStream in) throws IOException {
		int count = 0;
		byte[] body = new byte[VALUE + 2];
		while (count < GETS) {
			int type = in.read();
			String header = line(in);
			if (type == '$') {
				in.readNBytes(body, 0, Integer.parseInt(header) + 2);
				count++;
			}
			else if (type == -1) {
				break;
			}
		}
		return count;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder sb = new StringBuilder();
		int c;
		while ((c = in.read()) != '\n' && c != -1) {
			if (c != '\r') {
				sb.append((char) c);
			}
		}
		return sb.toString();
	}

	private static byte[] command(String... args) {
		return RespClient.encode(args);
	}

	private long lastClientId() {
		long max = 0;
		Matcher m = Pattern.compile("id=(\\d+)").matcher(clientList());
		while (m.find()) {
			max = Math.max(max, Long.parseLong(m.group(1)));
		}
		return max;
	}

	private String clientList() {
		return admin.call("CLIENT", "LIST").text();
	}

	private String clientLine(long id) {
		for (String line : clientList().split("\n")) {
			if (line.contains("id=" + id + " ")) {
				return line;
			}
		}
		return "";
	}

	private static long field(String line, String name) {
		Matcher m = Pattern.compile("(?:^| )" + name + "=(\\d+)").matcher(line);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	private long info(String name) {
		Matcher m = Pattern.compile(name + ":(\\d+)").matcher(admin.call("INFO", "stats").text());
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	private static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

}
