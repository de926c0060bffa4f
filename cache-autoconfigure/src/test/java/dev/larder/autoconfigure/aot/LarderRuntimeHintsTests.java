package dev.larder.autoconfigure.aot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class LarderRuntimeHintsTests {

	@Test
	void everyResourceLarderReadsAtRunTimeIsDeclared() throws IOException {
		RuntimeHints hints = new RuntimeHints();
		new LarderRuntimeHints().registerHints(hints, getClass().getClassLoader());
		List<String> resources = larderResources("classpath*:dev/larder/**/*.lua");
		resources.addAll(larderResources("classpath*:dev/larder/engine/acl/*.txt"));
		assertThat(resources).as("the Lua scripts and the command catalogue").hasSizeGreaterThanOrEqualTo(6);
		assertThat(resources)
			.allSatisfy((path) -> assertThat(RuntimeHintsPredicates.resource().forResource(path)).accepts(hints));
	}

	@Test
	void theRegistrarIsFoundWhereSpringLooksForIt() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(LarderRuntimeHints.class::isInstance);
	}

	private static List<String> larderResources(String pattern) throws IOException {
		List<String> paths = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
			// The path inside its jar or classes directory, whatever holds it.
			String url = resource.getURL().toString();
			String inside = url.substring(url.lastIndexOf('!') + 1);
			paths.add(inside.substring(inside.lastIndexOf("/dev/larder/") + 1));
		}
		return paths;
	}

}
