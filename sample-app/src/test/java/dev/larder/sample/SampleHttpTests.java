package dev.larder.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import dev.larder.sample.catalog.ProductRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP, on one backend per subclass: what works on every backend
 * (the cached catalog, the rate-limited endpoint answering 429 with Retry-After). The
 * schedule and the rate limit's period are stretched so that nothing moves while a test
 * runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "catalog.repository-delay=0ms", "larder.embedded.port=0", "sample.quotes.period=1h",
				"sample.leaderboard.trim-every=1h", "sample.leaderboard.keep=3" })
abstract class SampleHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ProductRepository repository;

	@Autowired
	private CacheManager cacheManager;

	@Test
	void theSecondReadOfAProductIsServedFromTheCache() throws Exception {
		this.cacheManager.getCache("products").clear();
		long before = this.repository.readCount();
		HttpResponse<String> first = get("/products/1", null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Darjeeling");
		assertThat(get("/products/1", null).body()).isEqualTo(first.body());
		assertThat(this.repository.readCount() - before).isEqualTo(1);
	}

	@Test
	void theQuoteEndpointAnswers429WithRetryAfterPerClient() throws Exception {
		String client = "client-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(get("/quotes/random", client).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = get("/quotes/random", client);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isPositive().isLessThanOrEqualTo(3600));
		assertThat(limited.body()).contains("Rate limit 'quotes' exceeded");
		assertThat(get("/quotes/random", "another-" + client).statusCode()).as("each client has its own budget")
			.isEqualTo(200);
	}

	protected HttpResponse<String> get(String path, String client) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (client != null) {
			request.header("X-Client-Id", client);
		}
		return this.http.send(request.GET().build(), BodyHandlers.ofString());
	}

	protected HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
		}
		else {
			request.POST(BodyPublishers.noBody());
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
