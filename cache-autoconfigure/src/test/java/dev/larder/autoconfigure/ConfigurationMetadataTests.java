package dev.larder.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete and explain {@code larder.*} from the metadata the configuration
 * processor generates from the properties classes and their field comments. Checked
 * against the generated file and the classes themselves, so a new property is covered
 * without touching this test.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "/META-INF/spring-configuration-metadata.json";

	private static Map<String, JsonNode> properties;

	private static Map<String, JsonNode> groups;

	@BeforeAll
	static void readMetadata() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class.getResourceAsStream(METADATA)) {
			assertThat(in).as("generated metadata " + METADATA).isNotNull();
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			properties = byName(metadata.path("properties"));
			groups = byName(metadata.path("groups"));
		}
	}

	/**
	 * Everything but {@code management.endpoint.larder.*}: the processor derives those
	 * from the {@code larder} Actuator endpoint, and Boot describes them.
	 */
	private static Map<String, JsonNode> byName(JsonNode items) {
		Map<String, JsonNode> byName = new HashMap<>();
		items.values()
			.stream()
			.filter((item) -> !item.path("name").asString().startsWith("management.endpoint."))
			.forEach((item) -> byName.put(item.path("name").asString(), item));
		return byName;
	}

	@Test
	void everyPropertyIsALarderProperty() {
		assertThat(properties).isNotEmpty();
		assertThat(properties.keySet()).allSatisfy((name) -> assertThat(name).startsWith("larder."));
	}

	@Test
	void everyPropertyHasADescription() {
		List<String> undescribed = properties.values()
			.stream()
			.filter((property) -> property.path("description").asString("").isBlank())
			.map((property) -> property.path("name").asString())
			.sorted()
			.toList();
		assertThat(undescribed).as("properties whose field has no comment").isEmpty();
	}

	@Test
	void descriptionsAreTextNotJavadocMarkup() {
		List<String> marked = properties.values()
			.stream()
			.filter((property) -> property.path("description").asString("").contains("{@"))
			.map((property) -> property.path("name").asString())
			.sorted()
			.toList();
		assertThat(marked).as("IDEs show {@code ...} as it is written").isEmpty();
	}

	@Test
	void everyPropertiesClassIsInTheMetadata() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<BeanDefinition> classes = scanner.findCandidateComponents("dev.larder.autoconfigure");
		assertThat(classes).isNotEmpty();
		for (BeanDefinition candidate : classes) {
			Class<?> type = load(candidate.getBeanClassName());
			String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
			assertThat(groups).as(type.getName()).containsKey(prefix);
			assertThat(groups.get(prefix).path("type").asString()).isEqualTo(type.getName());
		}
	}

	/**
	 * A field the processor skipped (no getter, an unsupported type) would be a setting
	 * users cannot discover. Map values ({@code larder.caches.<name>.*}) are not
	 * described by Boot's metadata format and are documented in docs/configuration.md.
	 */
	@Test
	void everyFieldOfAPropertiesClassIsAPropertyOrANestedGroup() {
		List<String> missing = new ArrayList<>();
		for (JsonNode group : groups.values()) {
			String prefix = group.path("name").asString();
			for (Field field : load(group.path("type").asString()).getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
					continue;
				}
				String name = prefix + "." + dashed(field.getName());
				if (!properties.containsKey(name) && !groups.containsKey(name)) {
					missing.add(name + " (" + field.getDeclaringClass().getSimpleName() + "." + field.getName() + ")");
				}
			}
		}
		assertThat(missing).as("fields without metadata").isEmpty();
	}

	private static String dashed(String fieldName) {
		return fieldName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static Class<?> load(String className) {
		try {
			return Class.forName(className, false, ConfigurationMetadataTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("metadata names a missing class " + className, ex);
		}
	}

}
