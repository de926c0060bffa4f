package dev.larder.sample;

/** The default: cache and structures in the embedded engine. */
class EmbeddedSampleHttpTests extends AllStructuresSampleHttpTests {

}
