package dev.larder.cache.structure.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds an annotation on a method (its most specific implementation first, then
 * interfaces and superclasses, meta-annotations included), parses it once into an
 * operation and remembers the result per method and target class. Parsing runs when the
 * pointcut first looks at a bean, so a bad attribute fails the bean's creation with a
 * message naming the method and the attribute.
 */
final class AnnotatedOperations<A extends Annotation, O> {

	private final Class<A> annotationType;

	private final Parser<A, O> parser;

	private final Map<MethodClassKey, Optional<O>> operations = new ConcurrentHashMap<>();

	private @Nullable BeanFactory beanFactory;

	AnnotatedOperations(Class<A> annotationType, Parser<A, O> parser) {
		this.annotationType = annotationType;
		this.parser = parser;
	}

	void setBeanFactory(@Nullable BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Nullable BeanFactory beanFactory() {
		return this.beanFactory;
	}

	boolean isCandidateClass(Class<?> type) {
		return AnnotationUtils.isCandidateClass(type, this.annotationType);
	}

	/**
	 * The operation of the annotated method, or {@code null} when the method is not
	 * annotated.
	 */
	/**
	 * The operation of the invoked method on its target's class, or null when it carries
	 * none.
	 */
	@Nullable O find(MethodInvocation invocation) {
		Object target = invocation.getThis();
		return find(invocation.getMethod(), (target != null) ? AopUtils.getTargetClass(target) : null);
	}

	@Nullable O find(Method method, @Nullable Class<?> targetClass) {
		return this.operations
			.computeIfAbsent(new MethodClassKey(method, targetClass), (key) -> parse(method, targetClass))
			.orElse(null);
	}

	private Optional<O> parse(Method method, @Nullable Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		A annotation = AnnotatedElementUtils.findMergedAnnotation(specific, this.annotationType);
		if (annotation == null && specific != method) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(method, this.annotationType);
		}
		if (annotation == null) {
			return Optional.empty();
		}
		String where = ClassUtils.getQualifiedMethodName(specific, targetClass);
		try {
			return Optional.of(this.parser.parse(annotation, specific, where, this::resolvePlaceholders));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalStateException(
					"Invalid @" + this.annotationType.getSimpleName() + " on " + where + ": " + ex.getMessage(), ex);
		}
	}

	private String resolvePlaceholders(String value) {
		if (this.beanFactory instanceof ConfigurableBeanFactory configurable && value.contains("${")) {
			String resolved = configurable.resolveEmbeddedValue(value);
			return (resolved != null) ? resolved : value;
		}
		return value;
	}

	@FunctionalInterface
	interface Parser<A, O> {

		/**
		 * @param where {@code Class.method}, the default name
		 * @param placeholders resolves {@code ${...}} in string attributes
		 * @throws IllegalArgumentException naming the bad attribute
		 */
		O parse(A annotation, Method method, String where, UnaryOperator<String> placeholders);

	}

}
