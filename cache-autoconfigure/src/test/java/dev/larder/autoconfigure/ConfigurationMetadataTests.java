package dev.larder.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete {@code larder.*} from the metadata the configuration processor generates.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedInTheGeneratedMetadata() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"larder.backend\"", "\"larder.key-prefix\"", "\"larder.default-ttl\"",
					"\"larder.default-ttl-jitter\"", "\"larder.null-values\"", "\"larder.fail-open\"",
					"\"larder.cache-names\"", "\"larder.caches\"", "\"larder.caffeine.spec\"",
					"\"larder.caffeine.store-by-value\"", "\"larder.serialization.format\"",
					"\"larder.serialization.allowed-packages\"");
			assertThat(json).contains("Where cached values live");
		}
	}

}
