package dev.larder.test;

import java.lang.reflect.Parameter;
import java.net.URI;

import dev.larder.engine.Engine;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link EmbeddedRedis}: starts the engine before the class (or
 * finds the one the run shares), flushes it before each test when asked, and resolves its
 * parameters.
 *
 * <p>
 * Engines live in JUnit's {@link ExtensionContext.Store}, which starts each one once even
 * when classes run in parallel and closes it (it is {@link AutoCloseable}) when its
 * context ends: a class-scoped engine in the class's store, the shared one in the root
 * store, which ends with the test run.
 */
public final class EmbeddedRedisExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(EmbeddedRedisExtension.class);

	private static final String CLASS_ENGINE = "class-engine";

	private static final String SHARED_ENGINE = "jvm-engine";

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (settings(context).reset() == EmbeddedRedis.Reset.FLUSHALL) {
			server(context).flushAll();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == EmbeddedRedisServer.class || type == Engine.class
				|| parameterContext.isAnnotated(EmbeddedRedisPort.class)
				|| parameterContext.isAnnotated(EmbeddedRedisUri.class);
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		EmbeddedRedisServer server = server(extensionContext);
		Parameter parameter = parameterContext.getParameter();
		Class<?> type = parameter.getType();
		if (type == EmbeddedRedisServer.class) {
			return server;
		}
		if (type == Engine.class) {
			return server.engine();
		}
		if (parameterContext.isAnnotated(EmbeddedRedisPort.class)) {
			if (type == int.class || type == Integer.class) {
				return server.port();
			}
			throw wrongType(parameter, "@EmbeddedRedisPort", "int or Integer");
		}
		if (type == String.class) {
			return server.uri().toString();
		}
		if (type == URI.class) {
			return server.uri();
		}
		throw wrongType(parameter, "@EmbeddedRedisUri", "String or java.net.URI");
	}

	private static ParameterResolutionException wrongType(Parameter parameter, String annotation, String expected) {
		return new ParameterResolutionException(
				annotation + " parameter '" + parameter.getName() + "' of " + parameter.getDeclaringExecutable()
						+ " is a " + parameter.getType().getName() + "; declare it as " + expected + ".");
	}

	/**
	 * The engine of the test class {@code context} belongs to, started on first use:
	 * {@link #beforeAll} starts it, but a constructor of a
	 * {@code @TestInstance(PER_CLASS)} class is resolved before that.
	 */
	static EmbeddedRedisServer server(ExtensionContext context) {
		if (settings(context).scope() == EmbeddedRedis.Scope.JVM) {
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(SHARED_ENGINE, (key) -> EmbeddedRedisServer.start(), EmbeddedRedisServer.class);
		}
		// A store sees its parents' values: @Nested classes and methods find the
		// engine of the outermost annotated class.
		return classContext(context).getStore(NAMESPACE)
			.computeIfAbsent(CLASS_ENGINE, (key) -> EmbeddedRedisServer.start(), EmbeddedRedisServer.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	private static EmbeddedRedis settings(ExtensionContext context) {
		EmbeddedRedis settings = find(context.getRequiredTestClass());
		if (settings == null) {
			throw new IllegalStateException("EmbeddedRedisExtension on " + context.getRequiredTestClass().getName()
					+ " without @EmbeddedRedis: annotate the class with @EmbeddedRedis instead of registering the "
					+ "extension directly.");
		}
		return settings;
	}

	/**
	 * The annotation on {@code testClass}, its superclasses or, for {@code @Nested}
	 * classes, its enclosing classes; the nearest wins.
	 */
	static @Nullable EmbeddedRedis find(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			EmbeddedRedis settings = AnnotationSupport.findAnnotation(type, EmbeddedRedis.class).orElse(null);
			if (settings != null) {
				return settings;
			}
		}
		return null;
	}

}
