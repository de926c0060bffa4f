package dev.larder.sample;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import dev.larder.cache.LarderCacheManager;
import dev.larder.engine.Engine;
import dev.larder.sample.catalog.ProductRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP: the second read of a product is served from the cache (the
 * slow repository is called once), and updates and deletes keep the cache truthful.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "catalog.repository-delay=0ms", "larder.embedded.port=0" })
class CatalogHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ProductRepository repository;

	@Autowired
	private CacheManager cacheManager;

	@BeforeEach
	void emptyTheCache() {
		this.cacheManager.getCache("products").clear();
	}

	@Test
	void larderOnTheEmbeddedEngineIsTheCacheManager() {
		assertThat(this.cacheManager).isInstanceOf(LarderCacheManager.class);
		assertThat(((LarderCacheManager) this.cacheManager).getBackend().type()).isEqualTo("embedded");
	}

	@Test
	void cachedEntriesAreVisibleOverResp() throws Exception {
		send("GET", "/products/1", null);
		Engine engine = (Engine) ((LarderCacheManager) this.cacheManager).nativeClient();
		try (Socket socket = new Socket("127.0.0.1", engine.port())) {
			socket.getOutputStream().write("EXISTS products::1\r\n".getBytes(StandardCharsets.UTF_8));
			byte[] reply = new byte[4];
			int read = socket.getInputStream().readNBytes(reply, 0, 4);
			assertThat(new String(reply, 0, read, StandardCharsets.UTF_8)).isEqualTo(":1\r\n");
		}
	}

	@Test
	void secondReadIsServedFromTheCache() throws Exception {
		long before = this.repository.readCount();
		HttpResponse<String> first = send("GET", "/products/1", null);
		HttpResponse<String> second = send("GET", "/products/1", null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Darjeeling");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(this.repository.readCount() - before).isEqualTo(1);
	}

	@Test
	void anUpdateIsWhatTheNextReadSees() throws Exception {
		send("GET", "/products/2", null);
		long before = this.repository.readCount();
		HttpResponse<String> put = send("PUT", "/products/2", "{\"name\":\"Sencha, first flush\",\"price\":9.10}");
		assertThat(put.statusCode()).isEqualTo(200);
		HttpResponse<String> read = send("GET", "/products/2", null);
		assertThat(read.body()).contains("Sencha, first flush").contains("9.1");
		assertThat(this.repository.readCount()).isEqualTo(before);
	}

	@Test
	void aDeleteEvictsSoTheNextReadMisses() throws Exception {
		send("PUT", "/products/9", "{\"name\":\"Rooibos\",\"price\":5}");
		assertThat(send("GET", "/products/9", null).statusCode()).isEqualTo(200);
		long before = this.repository.readCount();
		assertThat(send("DELETE", "/products/9", null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/products/9", null).statusCode()).isEqualTo(404);
		assertThat(this.repository.readCount() - before).isEqualTo(1);
		assertThat(send("GET", "/products/9", null).statusCode()).isEqualTo(404);
		assertThat(this.repository.readCount() - before).isEqualTo(1);
	}

	@Test
	void actuatorShowsTheCacheAndItsMeters() throws Exception {
		send("GET", "/products/3", null);
		send("GET", "/products/3", null);
		HttpResponse<String> caches = send("GET", "/actuator/caches", null);
		assertThat(caches.statusCode()).isEqualTo(200);
		assertThat(caches.body()).contains("\"cacheManager\"").contains("\"products\"");
		HttpResponse<String> hits = send("GET", "/actuator/metrics/cache.gets?tag=cache:products&tag=result:hit", null);
		assertThat(hits.statusCode()).isEqualTo(200);
		assertThat(hits.body()).contains("\"COUNT\"");
		assertThat(send("GET", "/actuator/metrics/cache.puts?tag=cache:products", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health", null).body()).contains("UP");
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
