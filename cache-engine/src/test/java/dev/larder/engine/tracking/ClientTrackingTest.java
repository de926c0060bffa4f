package dev.larder.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client tracking over RESP on the engine: CLIENT LIST's flags and redir=, INFO's
 * tracking fields, tracking-table-max-keys, CLIENT TRACKINGINFO in RESP2, and the
 * tracking table's bookkeeping when clients leave (replies as redis-server 7.0.15 gives
 * them).
 */
class ClientTrackingTest {

	private Engine engine;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterEach
	void stop() {
		engine.close();
	}

	@Test
	void clientListShowsTrackingFlagsAndRedirection() {
		try (RespClient a = new RespClient(engine.port()); RespClient b = new RespClient(engine.port())) {
			a.call("HELLO", "3");
			assertThat(field(a.call("CLIENT", "INFO").text(), "flags")).isEqualTo("N");
			assertThat(field(a.call("CLIENT", "INFO").text(), "redir")).isEqualTo("-1");
			a.call("CLIENT", "TRACKING", "on", "BCAST");
			assertThat(field(a.call("CLIENT", "INFO").text(), "flags")).isEqualTo("tB");
			assertThat(field(a.call("CLIENT", "INFO").text(), "redir")).isEqualTo("0");
			a.call("CLIENT", "TRACKING", "off");
			String rid;
			try (RespClient r = new RespClient(engine.port())) {
				rid = r.call("CLIENT", "ID").text();
				assertThat(a.call("CLIENT", "TRACKING", "on", "REDIRECT", rid).text()).isEqualTo("OK");
				assertThat(field(a.call("CLIENT", "INFO").text(), "redir")).isEqualTo(rid);
				assertThat(a.call("GET", "x").isNull()).isTrue();
			}
			awaitGone(b, rid);
			b.call("SET", "x", "1");
			Resp broken = a.read();
			assertThat(broken.type()).isEqualTo('>');
			assertThat(broken.toString()).isEqualTo(">[$\"tracking-redir-broken\", :\"" + rid + "\"]");
			String info = a.call("CLIENT", "INFO").text();
			assertThat(field(info, "flags")).isEqualTo("tR");
			assertThat(field(info, "redir")).isEqualTo(rid);
			assertThat(a.call("CLIENT", "GETREDIR").text()).isEqualTo(rid);
			a.call("CLIENT", "TRACKING", "off");
			assertThat(field(a.call("CLIENT", "INFO").text(), "flags")).isEqualTo("N");
			assertThat(a.call("CLIENT", "GETREDIR").text()).isEqualTo("-1");
		}
	}

	@Test
	void infoCountsTrackingClientsKeysItemsAndPrefixes() {
		try (RespClient b = new RespClient(engine.port())) {
			try (RespClient a = new RespClient(engine.port()); RespClient c = new RespClient(engine.port())) {
				a.call("HELLO", "3");
				c.call("HELLO", "3");
				a.call("CLIENT", "TRACKING", "on");
				c.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "x", "PREFIX", "y");
				a.call("MGET", "k1", "k2");
				assertThat(info(b, "tracking_clients")).isEqualTo("2");
				assertThat(info(b, "tracking_total_keys")).isEqualTo("2");
				assertThat(info(b, "tracking_total_items")).isEqualTo("2");
				assertThat(info(b, "tracking_total_prefixes")).isEqualTo("2");
				// the table is kept when tracking is turned off, as Redis's
				a.call("CLIENT", "TRACKING", "off");
				assertThat(info(b, "tracking_clients")).isEqualTo("1");
				assertThat(info(b, "tracking_total_keys")).isEqualTo("2");
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (!info(b, "tracking_clients").equals("0") && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(info(b, "tracking_clients")).isEqualTo("0");
			assertThat(info(b, "tracking_total_prefixes")).isEqualTo("0");
			b.call("SET", "k1", "x");
			assertThat(info(b, "tracking_total_keys")).isEqualTo("1");
			assertThat(info(b, "tracking_total_items")).isEqualTo("1");
		}
	}

	@Test
	void trackingTableMaxKeysInvalidatesKeysToStayUnderTheLimit() {
		try (RespClient a = new RespClient(engine.port()); RespClient b = new RespClient(engine.port())) {
			a.call("HELLO", "3");
			assertThat(b.call("CONFIG", "SET", "tracking-table-max-keys", "2").text()).isEqualTo("OK");
			assertThat(b.call("CONFIG", "GET", "tracking-table-max-keys").toString())
				.contains("$\"tracking-table-max-keys\", $\"2\"");
			a.call("CLIENT", "TRACKING", "on");
			for (String k : List.of("k1", "k2", "k3", "k4")) {
				a.send(RespClient.encode("GET", k));
			}
			a.send(RespClient.encode("PING", "end"));
			List<String> invalidated = new ArrayList<>();
			int replies = 0;
			while (true) {
				Resp r = a.read();
				if ("end".equals(r.text())) {
					break;
				}
				if (r.type() == '>') {
					invalidated.add(r.items().get(1).items().get(0).text());
				}
				else {
					assertThat(r.isNull()).isTrue();
					replies++;
				}
			}
			assertThat(replies).isEqualTo(4);
			assertThat(invalidated).hasSize(2).doesNotHaveDuplicates().isSubsetOf("k1", "k2", "k3", "k4");
			assertThat(info(b, "tracking_total_keys")).isEqualTo("2");
		}
	}

	@Test
	void trackingInfoInResp2IsFlat() {
		try (RespClient a = new RespClient(engine.port())) {
			a.call("CLIENT", "TRACKING", "on", "OPTIN", "NOLOOP");
			a.call("CLIENT", "CACHING", "yes");
			assertThat(a.call("CLIENT", "TRACKINGINFO").toString()).isEqualTo(
					"*[$\"flags\", *[$\"on\", $\"optin\", $\"caching-yes\", $\"noloop\"], $\"redirect\", :\"0\", "
							+ "$\"prefixes\", *[]]");
		}
	}

	private static String info(RespClient c, String name) {
		return field(c.call("INFO", "everything").text().replace("\r\n", " "), name, ':');
	}

	private static String field(String line, String name) {
		return field(line, name, '=');
	}

	private static String field(String line, String name, char sep) {
		Matcher m = Pattern.compile("(?:^| )" + Pattern.quote(name) + sep + "(\\S*)").matcher(line);
		assertThat(m.find()).as("%s in %s", name, line).isTrue();
		return m.group(1);
	}

	private static void awaitGone(RespClient b, String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!b.call("CLIENT", "LIST", "ID", id).text().isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("client " + id + " still listed");
			}
			Thread.onSpinWait();
		}
	}

}
