package dev.larder.cache.testtypes;

/** A typical cached value: a record from the application's own package. */
public record Product(long id, String name, double price) {
}
