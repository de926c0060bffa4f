package dev.larder.cache.testtypes;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A record holding a map with non-string keys: its declared type keeps the keys' type.
 */
public record PriceList(Map<Long, BigDecimal> pricesById) {
}
