package dev.larder.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import org.springframework.cache.annotation.Cacheable;

/**
 * The service behind the Spring proxy. Each method body runs only on a cache miss, and
 * counts that it ran so the benchmarks can prove afterwards that a hit path never loaded
 * and a miss path loaded on every call. The count is the same small cost for both cache
 * managers.
 *
 * <p>
 * Two caches so hit and miss trials never share entries; {@code sync = true} variants go
 * through {@code Cache.get(key, Callable)} instead of {@code get(key)} + {@code put}.
 */
public class ProductService {

	static final String HIT_CACHE = "products-hit";

	static final String MISS_CACHE = "products-miss";

	private static final String NAME = "Larder benchmark product";

	private final LongAdder loads = new LongAdder();

	@Cacheable(HIT_CACHE)
	public Product find(Long id) {
		return load(id);
	}

	@Cacheable(MISS_CACHE)
	public Product findUncached(Long id) {
		return load(id);
	}

	@Cacheable(cacheNames = HIT_CACHE, sync = true)
	public Product findSync(Long id) {
		return load(id);
	}

	@Cacheable(cacheNames = MISS_CACHE, sync = true)
	public Product findUncachedSync(Long id) {
		return load(id);
	}

	private Product load(Long id) {
		this.loads.increment();
		return new Product(id, NAME, 100 + (id & 1023));
	}

	/** How many times a method body ran, that is how many calls missed. */
	public long loadCount() {
		return this.loads.sum();
	}

}
