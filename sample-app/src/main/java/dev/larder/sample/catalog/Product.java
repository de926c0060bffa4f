package dev.larder.sample.catalog;

import java.math.BigDecimal;

/**
 * A product of the catalog.
 */
public record Product(long id, String name, BigDecimal price) {
}
