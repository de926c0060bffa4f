package dev.larder.test.spring.app;

import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application as people write them on spring-boot-starter-data-redis: a
 * {@code RedisTemplate}, a {@code @RedisHash} repository and Spring Session, all
 * auto-configured by Spring Boot from whatever Redis connection it is given.
 */
@SpringBootApplication
public class RedisApplication {

	/**
	 * Counts a visitor's requests in the HTTP session, which Spring Session keeps in
	 * Redis.
	 */
	@RestController
	static class VisitsController {

		@GetMapping("/visits")
		int visits(HttpSession session) {
			Integer visits = (Integer) session.getAttribute("visits");
			int next = (visits != null) ? visits + 1 : 1;
			session.setAttribute("visits", next);
			return next;
		}

	}

}
