package dev.larder.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.larder.autoconfigure.structure.LarderStructuresAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotation;
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
			// Directly, or (the structures, when they share the cache's backend) through
			// a
			// nested configuration.
			List<Class<?>> imports = new ArrayList<>();
			List<Class<?>> declaring = new ArrayList<>(List.of(autoConfiguration.getDeclaredClasses()));
			declaring.add(autoConfiguration);
			for (Class<?> type : declaring) {
				MergedAnnotation<Import> imported = MergedAnnotations.from(type).get(Import.class);
				if (imported.isPresent()) {
					imports.addAll(Arrays.asList(imported.getClassArray("value")));
				}
			}
			assertThat(imports).as(autoConfiguration.getSimpleName())
				.contains(BackendConfigurationImportSelector.class);
		}
	}

}
