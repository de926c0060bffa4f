package dev.larder.sample;

import dev.larder.cache.structure.UnsupportedStructureException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An endpoint whose structure the backend cannot carry (the leaderboard's sorted set on
 * Memcached) answers {@code 501 Not Implemented}, saying which property enables it; the
 * rest of the application keeps working.
 */
@RestControllerAdvice
class StructureNotCarriedAdvice {

	static final String PROPERTY = "larder.structures.backend";

	@ExceptionHandler(UnsupportedStructureException.class)
	ProblemDetail notCarried(UnsupportedStructureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED,
				"This endpoint needs a structure the configured backend cannot carry. Set " + PROPERTY
						+ "=embedded (or redis) to enable it. " + ex.getMessage());
		problem.setTitle("Structure not available on this backend");
		problem.setProperty("property", PROPERTY);
		problem.setProperty("enableWith", PROPERTY + "=embedded");
		return problem;
	}

}
