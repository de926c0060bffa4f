package dev.larder.cache.structure.annotation;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.LockNotAcquiredException;
import dev.larder.cache.structure.lock.Locks;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Runs a {@link WithLock} method while holding its lock, and throws
 * {@link LockNotAcquiredException} without running it when the lock stays taken for the
 * wait.
 */
public final class WithLockInterceptor implements MethodInterceptor {

	private final AnnotatedOperations<WithLock, Operation> operations;

	private final Supplier<Locks> locks;

	WithLockInterceptor(AnnotatedOperations<WithLock, Operation> operations, Supplier<Locks> locks) {
		this.operations = operations;
		this.locks = SingletonSupplier.of(locks);
	}

	static AnnotatedOperations<WithLock, Operation> operations() {
		return new AnnotatedOperations<>(WithLock.class, WithLockInterceptor::parse);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Operation operation = this.operations.find(invocation);
		if (operation == null) {
			return invocation.proceed();
		}
		String name = (operation.key() != null)
				? operation.name() + ":"
						+ operation.key().evaluate(invocation, this.operations.beanFactory(), operation.where())
				: operation.name();
		DistributedLock lock = this.locks.get().lock(name);
		LockHandle held = (operation.watchdog()
				? lock.tryAcquireWithWatchdog(operation.waitTime(), operation.leaseTime())
				: lock.tryAcquire(operation.waitTime(), operation.leaseTime()))
			.orElseThrow(() -> new LockNotAcquiredException(name, operation.waitTime()));
		try (held) {
			return invocation.proceed();
		}
	}

	private static Operation parse(WithLock annotation, Method method, String where,
			UnaryOperator<String> placeholders) {
		String name = placeholders.apply(annotation.name());
		Duration wait = duration("waitTime", annotation.waitTime(), placeholders);
		Duration lease = duration("leaseTime", annotation.leaseTime(), placeholders);
		if (wait.isNegative()) {
			throw new IllegalArgumentException("waitTime cannot be negative, got " + wait);
		}
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("leaseTime must be positive, got " + lease);
		}
		return new Operation(name.isBlank() ? where : name, KeyExpression.parse(annotation.key(), method), wait, lease,
				annotation.watchdog(), where);
	}

	private static Duration duration(String attribute, String value, UnaryOperator<String> placeholders) {
		try {
			return AnnotationDurations.parse(placeholders.apply(value));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(attribute + " " + ex.getMessage(), ex);
		}
	}

	/** A parsed {@link WithLock}. */
	record Operation(String name, @Nullable KeyExpression key, Duration waitTime, Duration leaseTime, boolean watchdog,
			String where) {
	}

}
