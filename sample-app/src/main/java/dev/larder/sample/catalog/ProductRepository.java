package dev.larder.sample.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * The source of truth, standing in for a database that takes its time: every read waits
 * the configured delay, which is what makes the cache's effect visible. Reads are counted
 * so that tests (and the curious) can see which requests reached it.
 */
@Repository
public class ProductRepository {

	private final Map<Long, Product> products = new ConcurrentHashMap<>();

	private final AtomicLong reads = new AtomicLong();

	private final Duration delay;

	public ProductRepository(@Value("${catalog.repository-delay:300ms}") Duration delay) {
		this.delay = delay;
		save(new Product(1, "Darjeeling tea, 100 g", new BigDecimal("6.50")));
		save(new Product(2, "Sencha tea, 100 g", new BigDecimal("7.20")));
		save(new Product(3, "Oolong tea, 100 g", new BigDecimal("8.90")));
	}

	public @Nullable Product findById(long id) {
		this.reads.incrementAndGet();
		pause();
		return this.products.get(id);
	}

	public Product save(Product product) {
		this.products.put(product.id(), product);
		return product;
	}

	public boolean deleteById(long id) {
		return this.products.remove(id) != null;
	}

	/** How many reads reached this repository so far. */
	public long readCount() {
		return this.reads.get();
	}

	private void pause() {
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
