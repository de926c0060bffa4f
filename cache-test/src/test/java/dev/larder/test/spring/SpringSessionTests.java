package dev.larder.test.spring;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.larder.engine.Reply;
import dev.larder.test.EmbeddedRedisServer;
import dev.larder.test.spring.app.RedisApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session on the engine: a servlet application on a random port whose HTTP
 * sessions Boot stores in Redis; a client with a cookie jar sees its session carried from
 * request to request, and the session is in the engine.
 */
@SpringBootTest(classes = RedisApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedRedisConnection
class SpringSessionTests {

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedRedisServer server;

	@Autowired
	private SessionRepository<?> sessions;

	@Test
	void aSessionIsCreatedInTheEngineAndReadBackOnTheNextRequest() throws Exception {
		assertThat(this.sessions).isInstanceOf(RedisSessionRepository.class);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(get(browser)).isEqualTo("1");
		assertThat(get(browser)).isEqualTo("2");
		assertThat(get(browser)).isEqualTo("3");

		Reply keys = this.server.engine().execute("KEYS", "spring:session:sessions:*");
		assertThat(((Reply.ArrayReply) keys).items()).hasSize(1);

		HttpClient otherBrowser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(get(otherBrowser)).as("a new visitor gets a new session").isEqualTo("1");
		keys = this.server.engine().execute("KEYS", "spring:session:sessions:*");
		assertThat(((Reply.ArrayReply) keys).items()).hasSize(2);
	}

	private String get(HttpClient client) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/visits")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
