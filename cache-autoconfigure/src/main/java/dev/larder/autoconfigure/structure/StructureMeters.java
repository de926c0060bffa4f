package dev.larder.autoconfigure.structure;

/**
 * Where the structures beans report rate-limit decisions and lock attempts, tagged with
 * the backend that carries the structures (which, with {@code larder.structures.backend},
 * is not the cache's). An interface of Larder's own, so that the beans need no Micrometer
 * on the classpath.
 */
interface StructureMeters {

	StructureMeters NONE = new StructureMeters() {

		@Override
		public void rateLimitDecision(String backend, String limiter, boolean allowed) {
		}

		@Override
		public void lockAttempt(String backend, String lock, boolean acquired) {
		}

	};

	void rateLimitDecision(String backend, String limiter, boolean allowed);

	void lockAttempt(String backend, String lock, boolean acquired);

}
