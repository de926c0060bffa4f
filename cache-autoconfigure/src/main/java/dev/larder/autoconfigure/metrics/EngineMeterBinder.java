package dev.larder.autoconfigure.metrics;

import java.util.function.ToDoubleFunction;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineFigures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The embedded engine's own figures as meters, read live from {@link EngineFigures} at
 * each scrape: memory used and its budget, commands (whose rate is the engine's ops/s),
 * connected clients, keyspace hits and misses, keys, and keys removed by expiry or
 * eviction. They are the server-side view; {@code cache.*} meters are the caches' view.
 */
public final class EngineMeterBinder implements MeterBinder {

	private final EngineFigures figures;

	public EngineMeterBinder(Engine engine) {
		this.figures = engine.figures();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "larder.engine.memory.used", "Bytes the engine's keys and clients hold (INFO used_memory)",
				BaseUnits.BYTES, EngineFigures::usedMemory);
		gauge(registry, "larder.engine.memory.max", "The engine's memory budget in bytes; 0 when unbounded",
				BaseUnits.BYTES, EngineFigures::maxMemory);
		gauge(registry, "larder.engine.clients", "RESP connections open to the engine", null,
				EngineFigures::connectedClients);
		gauge(registry, "larder.engine.keys", "Keys in the engine, every database", null, EngineFigures::keys);
		counter("larder.engine.commands", "Commands the engine ran, from any client or in-process caller",
				EngineFigures::commandsProcessed)
			.register(registry);
		counter("larder.engine.keyspace.lookups", "Key lookups by commands, found or not", EngineFigures::keyspaceHits)
			.tag("result", "hit")
			.register(registry);
		counter("larder.engine.keyspace.lookups", "Key lookups by commands, found or not",
				EngineFigures::keyspaceMisses)
			.tag("result", "miss")
			.register(registry);
		counter("larder.engine.keys.removed", "Keys the engine removed on its own", EngineFigures::expiredKeys)
			.tag("reason", "expired")
			.register(registry);
		counter("larder.engine.keys.removed", "Keys the engine removed on its own", EngineFigures::evictedKeys)
			.tag("reason", "evicted")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description, @Nullable String baseUnit,
			ToDoubleFunction<EngineFigures> value) {
		Gauge.builder(name, this.figures, value).description(description).baseUnit(baseUnit).register(registry);
	}

	private FunctionCounter.Builder<EngineFigures> counter(String name, String description,
			ToDoubleFunction<EngineFigures> value) {
		return FunctionCounter.builder(name, this.figures, value).description(description);
	}

}
