package dev.larder.sample.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Catalog operations, cached in the {@code products} cache: reads are served from the
 * cache, updates refresh it and deletes evict from it, so readers never see a stale
 * product.
 */
@Service
@CacheConfig(cacheNames = "products")
public class ProductService {

	private final ProductRepository repository;

	public ProductService(ProductRepository repository) {
		this.repository = repository;
	}

	/**
	 * A missing product is cached too (as null), so unknown ids don't hammer the
	 * repository.
	 */
	@Cacheable(key = "#id")
	public @Nullable Product find(long id) {
		return this.repository.findById(id);
	}

	@CachePut(key = "#product.id")
	public Product save(Product product) {
		return this.repository.save(product);
	}

	@CacheEvict(key = "#id")
	public boolean delete(long id) {
		return this.repository.deleteById(id);
	}

}
