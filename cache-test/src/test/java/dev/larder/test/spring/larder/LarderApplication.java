package dev.larder.test.spring.larder;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;

/** An application caching with Larder. */
@SpringBootApplication
@EnableCaching
public class LarderApplication {

	@Bean
	PriceService priceService() {
		return new PriceService();
	}

}
