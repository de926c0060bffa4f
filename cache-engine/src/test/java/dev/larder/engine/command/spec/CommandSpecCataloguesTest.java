package dev.larder.engine.command.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The committed catalogues are what {@link CommandSpecGenerator} writes from a live
 * redis-server 7.0.15 (whitespace aside: spring-javaformat lays them out): nobody edited
 * a declaration by hand, and a contributor who regenerates gets no unrelated changes.
 */
class CommandSpecCataloguesTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final Path SOURCES = Path.of("src/main/java", CommandSpec.class.getPackageName().replace('.', '/'));

	@Test
	void cataloguesAreTheGeneratorsOutput() throws IOException {
		try (RespClient client = new RespClient(REDIS.port())) {
			Map<CommandGroup, String> generated = CommandSpecGenerator.catalogues(client,
					CommandSpecGenerator.declaredNames());
			assertThat(generated).isNotEmpty();
			for (Map.Entry<CommandGroup, String> e : generated.entrySet()) {
				Path file = SOURCES.resolve(CommandSpecGenerator.className(e.getKey()) + ".java");
				String committed = Files.readString(file, StandardCharsets.UTF_8);
				assertThat(withoutWhitespace(committed)).as(file + " differs from the generator's output")
					.isEqualTo(withoutWhitespace(e.getValue()));
			}
		}
	}

	private static String withoutWhitespace(String source) {
		return source.replaceAll("[\\s*]+", "");
	}

}
