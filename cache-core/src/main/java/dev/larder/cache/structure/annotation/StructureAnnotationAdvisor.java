package dev.larder.cache.structure.annotation;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.Ordered;

/**
 * Applies {@link RateLimited} or {@link WithLock} to the beans that use them. Register it
 * as a bean with the infrastructure role, next to an auto-proxy creator (Spring Boot and
 * {@code @EnableCaching} provide one); Larder's auto-configuration does both.
 *
 * <p>
 * Its order puts rate limiting outermost, then the lock, both outside transactions and
 * caching at their default order: a rejected call costs no transaction, and a lock is
 * released only after the transaction inside it committed.
 */
public final class StructureAnnotationAdvisor extends AbstractPointcutAdvisor implements BeanFactoryAware {

	private static final long serialVersionUID = 1L;

	/** Outside {@code @Transactional} and {@code @Cacheable} at their default order. */
	public static final int RATE_LIMITED_ORDER = Ordered.LOWEST_PRECEDENCE - 200;

	/** Inside rate limiting, outside transactions and caching. */
	public static final int WITH_LOCK_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final transient AnnotatedOperations<?, ?> operations;

	private final transient Advice advice;

	private final transient Pointcut pointcut;

	private StructureAnnotationAdvisor(AnnotatedOperations<?, ?> operations, Advice advice, int order) {
		this.operations = operations;
		this.advice = advice;
		this.pointcut = new AnnotatedMethodPointcut(operations);
		setOrder(order);
	}

	/**
	 * Applies {@link RateLimited}; the limiters are looked up on the first limited call.
	 */
	public static StructureAnnotationAdvisor rateLimited(Supplier<RateLimiters> rateLimiters) {
		AnnotatedOperations<RateLimited, RateLimitedInterceptor.Operation> operations = RateLimitedInterceptor
			.operations();
		return new StructureAnnotationAdvisor(operations, new RateLimitedInterceptor(operations, rateLimiters),
				RATE_LIMITED_ORDER);
	}

	/** Applies {@link WithLock}; the locks are looked up on the first locked call. */
	public static StructureAnnotationAdvisor withLock(Supplier<Locks> locks) {
		AnnotatedOperations<WithLock, WithLockInterceptor.Operation> operations = WithLockInterceptor.operations();
		return new StructureAnnotationAdvisor(operations, new WithLockInterceptor(operations, locks), WITH_LOCK_ORDER);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.operations.setBeanFactory(beanFactory);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

	/**
	 * Matches annotated methods; reading the annotation there makes bad attributes fail
	 * at startup.
	 */
	private static final class AnnotatedMethodPointcut extends StaticMethodMatcherPointcut {

		private final AnnotatedOperations<?, ?> operations;

		AnnotatedMethodPointcut(AnnotatedOperations<?, ?> operations) {
			this.operations = operations;
			setClassFilter(operations::isCandidateClass);
		}

		@Override
		public boolean matches(Method method, @Nullable Class<?> targetClass) {
			return this.operations.find(method, targetClass) != null;
		}

	}

}
