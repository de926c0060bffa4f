package dev.larder.benchmarks;

/**
 * The small value the benchmarked service returns: what a typical {@code @Cacheable}
 * lookup caches (an id, a short string, a number), stored by reference by both cache
 * managers.
 */
public record Product(long id, String name, long priceCents) {

}
