package dev.larder.autoconfigure.structure;

import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code larder.structure} observations, low-cardinality tags {@code structure}
 * ({@code lock|rate-limiter}), {@code name} (the lock's or limiter's, never the limited
 * key), {@code backend} and {@code result} ({@code acquired|not-acquired},
 * {@code allowed|rejected}, or {@code failure}).
 */
final class MicrometerStructureObservations implements StructureObservations {

	static final String NAME = "larder.structure";

	private final ObjectProvider<ObservationRegistry> registry;

	MicrometerStructureObservations(ObjectProvider<ObservationRegistry> registry) {
		this.registry = registry;
	}

	@Override
	@SuppressWarnings("try") // the scope is held for the call, so that spans started
								// inside it nest under this one
	public <T> T observe(String structure, String backend, String name, Supplier<T> call, Function<T, String> result) {
		ObservationRegistry registry = this.registry.getIfAvailable();
		if (registry == null) {
			return call.get();
		}
		Observation observation = Observation.createNotStarted(NAME, registry)
			.contextualName(structure + " " + name)
			.lowCardinalityKeyValue("structure", structure)
			.lowCardinalityKeyValue("name", name)
			.lowCardinalityKeyValue("backend", backend)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T outcome = call.get();
			observation.lowCardinalityKeyValue("result", result.apply(outcome));
			return outcome;
		}
		catch (RuntimeException | Error ex) {
			observation.lowCardinalityKeyValue("result", "failure").error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
