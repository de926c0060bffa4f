package dev.larder.autoconfigure.structure;

import java.time.Duration;

import dev.larder.cache.structure.ratelimit.RateLimitExceededException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers {@link RateLimitExceededException} with {@code 429 Too Many Requests}, a
 * {@code Retry-After} header in whole seconds (rounded up, so a client that waits that
 * long is allowed) and an RFC 9457 problem body. The limited key is not echoed: it may be
 * a client address or a token.
 *
 * <p>
 * Ordered last, so an application's own {@code @ExceptionHandler} for the exception wins;
 * so does a catch-all {@code @ExceptionHandler(Exception.class)} advice, which should
 * therefore handle or rethrow {@code RateLimitExceededException}. Replace it by defining
 * a bean of this type.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RateLimitExceededHandler {

	@ExceptionHandler(RateLimitExceededException.class)
	public ResponseEntity<ProblemDetail> rateLimitExceeded(RateLimitExceededException ex) {
		long seconds = retryAfterSeconds(ex.retryAfter());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Rate limit '" + ex.limiterName() + "' exceeded; retry after " + seconds + " seconds");
		problem.setProperty("limiter", ex.limiterName());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	/**
	 * Rounded up, and at least 1: "retry after 0 seconds" would invite an immediate retry
	 * storm.
	 */
	static long retryAfterSeconds(Duration retryAfter) {
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
