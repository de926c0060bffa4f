package dev.larder.test.spring.larder;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.cache.annotation.Cacheable;

/** A slow source behind {@code @Cacheable}, counting how often it is really asked. */
public class PriceService {

	private final AtomicInteger lookups = new AtomicInteger();

	@Cacheable("prices")
	public int price(String product) {
		this.lookups.incrementAndGet();
		return product.length() * 100;
	}

	public int lookups() {
		return this.lookups.get();
	}

}
