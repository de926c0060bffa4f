package dev.larder.sample.quotes;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.larder.cache.structure.annotation.RateLimited;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint limited per client: {@code sample.quotes.permits} requests per
 * {@code sample.quotes.period} for each {@code X-Client-Id} (or, without one, each remote
 * address). Over the limit Larder answers {@code 429 Too Many Requests} with
 * {@code Retry-After}, and the method does not run.
 */
@RestController
public class QuoteController {

	private static final List<String> QUOTES = List.of(
			"There are only two hard things in Computer Science: " + "cache invalidation and naming things.",
			"A cache with a bad policy is another name for a memory leak.",
			"Premature optimization is the root of all evil.");

	@GetMapping("/quotes/random")
	@RateLimited(name = "quotes", key = "#request.getHeader('X-Client-Id') ?: #request.remoteAddr", permits = 5,
			period = "${sample.quotes.period:1m}")
	public Quote random(HttpServletRequest request) {
		return new Quote(QUOTES.get(ThreadLocalRandom.current().nextInt(QUOTES.size())));
	}

	/** One quote. */
	public record Quote(String text) {
	}

}
