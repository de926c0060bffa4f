package dev.larder.autoconfigure.aot;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers reflection hints for the values that {@code @Cacheable} and {@code @CachePut}
 * methods return, so that Larder's JSON serializer can write and read them in a native
 * image, where Jackson sees only the members someone declared. The value type is found
 * through the wrappers a cached method may return ({@code Optional},
 * {@code CompletableFuture}, Reactor's {@code Mono} and {@code Flux}) and the collections
 * and maps that hold it.
 */
class CachedValueTypesAotProcessor implements BeanRegistrationAotProcessor {

	private static final Set<String> WRAPPERS = Set.of(Optional.class.getName(), "reactor.core.publisher.Mono",
			"reactor.core.publisher.Flux");

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
		Set<Class<?>> valueTypes = new LinkedHashSet<>();
		ReflectionUtils.doWithMethods(beanClass,
				(method) -> collect(ResolvableType.forMethodReturnType(method, beanClass), valueTypes),
				CachedValueTypesAotProcessor::cachesItsResult);
		return valueTypes.isEmpty() ? null : new Contribution(valueTypes);
	}

	private static boolean cachesItsResult(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, Cacheable.class)
				|| AnnotatedElementUtils.hasAnnotation(method, CachePut.class);
	}

	private static void collect(ResolvableType type, Set<Class<?>> into) {
		Class<?> raw = type.resolve();
		if (raw == null || raw == void.class || raw == Void.class) {
			return;
		}
		if (WRAPPERS.contains(raw.getName())) {
			collect(type.getGeneric(0), into);
			return;
		}
		if (Future.class.isAssignableFrom(raw)) {
			collect(type.as(Future.class).getGeneric(0), into);
			return;
		}
		if (CompletionStage.class.isAssignableFrom(raw)) {
			collect(type.as(CompletionStage.class).getGeneric(0), into);
			return;
		}
		if (Collection.class.isAssignableFrom(raw)) {
			collect(type.as(Collection.class).getGeneric(0), into);
			into.add(raw);
			return;
		}
		if (Map.class.isAssignableFrom(raw)) {
			ResolvableType map = type.as(Map.class);
			collect(map.getGeneric(0), into);
			collect(map.getGeneric(1), into);
			into.add(raw);
			return;
		}
		if (raw.isArray()) {
			collect(type.getComponentType(), into);
			return;
		}
		into.add(raw);
	}

	private record Contribution(Set<Class<?>> valueTypes) implements BeanRegistrationAotContribution {

		@Override
		public void applyTo(GenerationContext generationContext, BeanRegistrationCode beanRegistrationCode) {
			BindingReflectionHintsRegistrar registrar = new BindingReflectionHintsRegistrar();
			registrar.registerReflectionHints(generationContext.getRuntimeHints().reflection(),
					this.valueTypes.toArray(new Class<?>[0]));
		}

	}

}
