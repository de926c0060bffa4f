package dev.larder.autoconfigure;

import java.util.Arrays;

import dev.larder.autoconfigure.structure.LarderStructuresAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.AnnotationMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend registry: complete, consistent with each configuration's condition, shared.
 */
class BackendConfigurationImportSelectorTests {

	@Test
	void everyBackendHasAConfigurationThatAppliesToItAlone() throws Exception {
		for (Backend backend : Backend.values()) {
			Class<?> configuration = Class.forName(BackendConfigurationImportSelector.configurationClass(backend));
			assertThat(MergedAnnotations.from(configuration)
				.get(ConditionalOnLarderBackend.class)
				.getEnum("value", Backend.class)).as(configuration.getName()).isEqualTo(backend);
		}
	}

	@Test
	void theBackendsComeWithWhatTheyShare() {
		String[] imports = new BackendConfigurationImportSelector()
			.selectImports(AnnotationMetadata.introspect(LarderCacheAutoConfiguration.class));
		assertThat(imports).containsExactlyInAnyOrder(
				BackendConfigurationImportSelector.configurationClass(Backend.EMBEDDED),
				BackendConfigurationImportSelector.configurationClass(Backend.REDIS),
				BackendConfigurationImportSelector.configurationClass(Backend.MEMCACHED),
				BackendConfigurationImportSelector.configurationClass(Backend.CAFFEINE),
				ValueSerializerConfiguration.class.getName(), StructureSettingsConfiguration.class.getName());
	}

	@Test
	void theCacheAndTheStructuresImportTheRegistry() {
		for (Class<?> autoConfiguration : new Class<?>[] { LarderCacheAutoConfiguration.class,
				LarderStructuresAutoConfiguration.class }) {
			Class<?>[] imports = MergedAnnotations.from(autoConfiguration).get(Import.class).getClassArray("value");
			assertThat(Arrays.asList(imports)).as(autoConfiguration.getSimpleName())
				.contains(BackendConfigurationImportSelector.class);
		}
	}

}
