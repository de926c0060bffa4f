package dev.larder.sample;

import org.springframework.test.context.TestPropertySource;

/** Caffeine, whose structures live in a local engine of its own. */
@TestPropertySource(properties = "larder.backend=caffeine")
class CaffeineSampleHttpTests extends AllStructuresSampleHttpTests {

}
