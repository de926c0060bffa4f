package dev.larder.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every series that the Grafana dashboard (docs/grafana/larder.json) queries is one the
 * sample exports on {@code /actuator/prometheus}, once it has served a product, a rate
 * limit and a lock: a renamed meter breaks this test instead of silently emptying a
 * panel.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "catalog.repository-delay=0ms",
		"larder.embedded.port=0", "sample.quotes.period=1h", "sample.leaderboard.trim-every=1h" })
class GrafanaDashboardSeriesTests {

	private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "larder.json");

	private static final Pattern LARDER_SERIES = Pattern.compile("\\b((?:cache|larder)_[a-z0-9_]+)\\b");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void everySeriesTheDashboardQueriesIsExported() throws Exception {
		send("GET", "/products/1");
		send("GET", "/products/1");
		for (int i = 0; i < 6; i++) {
			send("GET", "/quotes/random");
		}
		send("POST", "/jobs/leaderboard-trim");

		Set<String> queried = queriedSeries();
		assertThat(queried).as("series named in " + DASHBOARD)
			.contains("cache_gets_total", "cache_load_duration_seconds_bucket", "larder_engine_memory_used_bytes",
					"larder_structures_rate_limit_decisions_total");
		String scrape = send("GET", "/actuator/prometheus").body();
		assertThat(exportedSeries(scrape)).containsAll(queried);
		assertThat(scrape).as("the application tag the dashboard filters on")
			.contains("cache_gets_total{application=\"larder-sample\"");
	}

	private static Set<String> queriedSeries() throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = LARDER_SERIES.matcher(Files.readString(DASHBOARD));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static Set<String> exportedSeries(String scrape) {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.isEmpty() && !line.startsWith("#")) {
				int end = line.indexOf('{');
				names.add(line.substring(0, (end >= 0) ? end : line.indexOf(' ')));
			}
		}
		return names;
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Client-Id", "dashboard-test")
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

}
