package dev.larder.autoconfigure.structure;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the structures beans report each lock wait and rate-limit decision as an
 * observation (a span in a trace). An interface of Larder's own, so that the beans need
 * no Micrometer on the classpath; {@link #NONE} runs the call as it is.
 */
interface StructureObservations {

	StructureObservations NONE = new StructureObservations() {

		@Override
		public <T> T observe(String structure, String backend, String name, Supplier<T> call,
				Function<T, String> result) {
			return call.get();
		}

	};

	/**
	 * Runs {@code call} as one observation of a {@code structure} ({@code lock} or
	 * {@code rate-limiter}) named {@code name}, tagged with the outcome {@code result}
	 * gives.
	 */
	<T> T observe(String structure, String backend, String name, Supplier<T> call, Function<T, String> result);

}
