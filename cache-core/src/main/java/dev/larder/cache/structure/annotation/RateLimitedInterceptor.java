package dev.larder.cache.structure.annotation;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimitExceededException;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Takes one permit before an {@link RateLimited} method runs, and throws
 * {@link RateLimitExceededException} instead of running it when the key is over its
 * limit.
 */
public final class RateLimitedInterceptor implements MethodInterceptor {

	private final AnnotatedOperations<RateLimited, Operation> operations;

	private final Supplier<RateLimiters> rateLimiters;

	private final Map<Operation, RateLimiter> limiters = new ConcurrentHashMap<>();

	RateLimitedInterceptor(AnnotatedOperations<RateLimited, Operation> operations,
			Supplier<RateLimiters> rateLimiters) {
		this.operations = operations;
		this.rateLimiters = SingletonSupplier.of(rateLimiters);
	}

	static AnnotatedOperations<RateLimited, Operation> operations() {
		return new AnnotatedOperations<>(RateLimited.class, RateLimitedInterceptor::parse);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Operation operation = this.operations.find(invocation);
		if (operation == null) {
			return invocation.proceed();
		}
		String key = (operation.key() != null)
				? operation.key().evaluate(invocation, this.operations.beanFactory(), operation.where()) : "";
		RateLimiter limiter = this.limiters.computeIfAbsent(operation,
				(op) -> this.rateLimiters.get().limiter(op.name(), op.limit()));
		RateLimitDecision decision = limiter.tryAcquire(key);
		if (!decision.allowed()) {
			throw new RateLimitExceededException(operation.name(), key, decision);
		}
		return invocation.proceed();
	}

	private static Operation parse(RateLimited annotation, Method method, String where,
			UnaryOperator<String> placeholders) {
		String name = placeholders.apply(annotation.name());
		if (annotation.permits() <= 0) {
			throw new IllegalArgumentException("permits must be at least 1, got " + annotation.permits());
		}
		Duration period;
		try {
			period = AnnotationDurations.parse(placeholders.apply(annotation.period()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("period " + ex.getMessage(), ex);
		}
		RateLimit limit;
		try {
			limit = new RateLimit(annotation.algorithm(), annotation.permits(), period);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("period: " + ex.getMessage(), ex);
		}
		return new Operation(name.isBlank() ? where : name, KeyExpression.parse(annotation.key(), method), limit,
				where);
	}

	/** A parsed {@link RateLimited}; compared by identity, one per annotated method. */
	static final class Operation {

		private final String name;

		private final @Nullable KeyExpression key;

		private final RateLimit limit;

		private final String where;

		Operation(String name, @Nullable KeyExpression key, RateLimit limit, String where) {
			this.name = name;
			this.key = key;
			this.limit = limit;
			this.where = where;
		}

		String name() {
			return this.name;
		}

		@Nullable KeyExpression key() {
			return this.key;
		}

		RateLimit limit() {
			return this.limit;
		}

		String where() {
			return this.where;
		}

	}

}
