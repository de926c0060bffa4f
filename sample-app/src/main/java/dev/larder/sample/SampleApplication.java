package dev.larder.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A product catalog whose repository is deliberately slow, cached by Larder; a
 * leaderboard on a sorted set, a rate-limited endpoint and a job guarded by a distributed
 * lock.
 */
@SpringBootApplication
@EnableCaching
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
