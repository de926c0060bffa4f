package dev.larder.cache.structure.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the structure conformance suites share: how to make an instance of the backend,
 * and the clean-up. A backend's test says how to create a backend with given
 * {@link StructureSettings}; each call must return a new, independent instance (its own
 * connection or client) addressing the same shared store, so two "application instances"
 * can contend through it.
 */
public abstract class StructureConformanceSupport {

	/**
	 * The prefix every suite writes under, so the suites never see keys of other tests.
	 */
	protected static final String PREFIX = "structures:";

	private final List<CacheBackend> backends = new ArrayList<>();

	/**
	 * Threads for contention tests; a new pool per test (suites may keep one instance per
	 * class).
	 */
	protected ExecutorService pool;

	/**
	 * A new instance of the backend, sharing its store with every other instance this
	 * test class creates (the same server, the same engine).
	 */
	protected abstract CacheBackend createBackend(StructureSettings settings);

	protected StructureSettings settings() {
		return StructureSettings.defaults()
			.withKeyPrefix(PREFIX)
			.withSerializer(new JsonValueSerializer(TypeAllowList.of(List.of("dev.larder.cache.testtypes"))));
	}

	/** The structures of a new instance of the backend, with {@link #settings()}. */
	protected Structures instance() {
		return instance(settings());
	}

	protected Structures instance(StructureSettings settings) {
		CacheBackend backend = createBackend(settings);
		this.backends.add(backend);
		return backend.structures();
	}

	/**
	 * Whether two instances of the backend share one store. The Caffeine backend's
	 * structures are local to each backend by design, so there the multi-instance tests
	 * use one instance twice.
	 */
	protected boolean instancesShareStore() {
		return true;
	}

	/**
	 * Two application instances against one store (or one instance twice, see
	 * {@link #instancesShareStore()}).
	 */
	protected List<Structures> twoInstances(StructureSettings settings) {
		Structures first = instance(settings);
		return List.of(first, instancesShareStore() ? instance(settings) : first);
	}

	/**
	 * A name no earlier test or run used, so tests against a long-lived store stay
	 * independent.
	 */
	protected static String unique(String name) {
		return name + "-" + UUID.randomUUID();
	}

	@BeforeEach
	void createPool() {
		this.pool = Executors.newCachedThreadPool();
	}

	@AfterEach
	void closeInstances() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(30, TimeUnit.SECONDS);
		this.backends.forEach(CacheBackend::close);
		this.backends.clear();
	}

}
