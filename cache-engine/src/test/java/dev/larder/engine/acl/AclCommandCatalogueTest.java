package dev.larder.engine.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * redis-7.0-commands.txt, the commands ACL rules may name, is what a live redis-server
 * 7.0.15 reports in COMMAND INFO: every command and subcommand with its ACL categories.
 * On a mismatch the assertion shows the lines the file should hold.
 */
class AclCommandCatalogueTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	@Test
	void catalogueIsRedisCommandInfo() throws IOException {
		List<String> expected = new ArrayList<>();
		try (RespClient redis = new RespClient(REDIS.port())) {
			List<Resp> commands = new ArrayList<>(redis.call("COMMAND", "INFO").items());
			commands.sort(Comparator.comparing(c -> c.items().get(0).text()));
			for (Resp c : commands) {
				expected.add(line(c));
				List<Resp> subs = new ArrayList<>(c.items().get(9).items());
				subs.sort(Comparator.comparing(s -> s.items().get(0).text()));
				subs.forEach(s -> expected.add(line(s)));
			}
		}
		assertThat(catalogueLines()).isEqualTo(expected);
	}

	private static String line(Resp info) {
		String categories = info.items().get(6).items().stream().map(Resp::text).collect(Collectors.joining(" "));
		return (info.items().get(0).text() + " " + categories).trim();
	}

	private static List<String> catalogueLines() throws IOException {
		try (InputStream in = CommandCatalog.class.getResourceAsStream("redis-7.0-commands.txt")) {
			assertThat(in).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(String::trim)
				.toList();
		}
	}

}
