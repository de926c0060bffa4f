package dev.larder.cache.structure.annotation;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * A key written as SpEL over a method's arguments, as {@code @Cacheable(key = ...)} is:
 * arguments by name ({@code #user}, when compiled with {@code -parameters}) or position
 * ({@code #p0}, {@code #a0}), {@code #root.method}, {@code #root.target},
 * {@code #root.args}, beans as {@code @name}. Parsed once, when the annotation is read.
 */
final class KeyExpression {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private final String source;

	private final Expression expression;

	private final Method method;

	private KeyExpression(String source, Expression expression, Method method) {
		this.source = source;
		this.expression = expression;
		this.method = method;
	}

	/** {@code null} for an empty expression: one key for all calls. */
	static @Nullable KeyExpression parse(String source, Method method) {
		if (source.isBlank()) {
			return null;
		}
		try {
			return new KeyExpression(source, PARSER.parseExpression(source), method);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(
					"key '" + source + "' is not a valid SpEL expression: " + ex.getMessage(), ex);
		}
	}

	String evaluate(MethodInvocation invocation, @Nullable BeanFactory beanFactory, String where) {
		Object target = invocation.getThis();
		Object[] args = invocation.getArguments();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : this.method.getDeclaringClass();
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(
				new Root(this.method, args, target, targetClass), this.method, args, PARAMETER_NAMES);
		if (beanFactory != null) {
			context.setBeanResolver(new BeanFactoryResolver(beanFactory));
		}
		Object value = this.expression.getValue(context);
		if (value == null) {
			throw new IllegalStateException("The key '" + this.source + "' of " + where
					+ " evaluated to null; make the expression yield a value for every call");
		}
		return value.toString();
	}

	/** {@code #root} of a key expression. */
	public record Root(Method method, Object[] args, @Nullable Object target, Class<?> targetClass) {

		public String methodName() {
			return this.method.getName();
		}

	}

}
