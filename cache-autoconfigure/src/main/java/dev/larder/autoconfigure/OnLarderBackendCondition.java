package dev.larder.autoconfigure;

import java.util.Map;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Compares {@code larder.backend} with the backend a configuration is for.
 */
class OnLarderBackendCondition extends SpringBootCondition {

	static final Backend DEFAULT_BACKEND = Backend.EMBEDDED;

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		// Only @ConditionalOnLarderBackend names this package-private condition, and its
		// value has no default: both are present whenever Spring asks.
		Map<String, Object> attributes = Objects.requireNonNull(
				metadata.getAnnotationAttributes(ConditionalOnLarderBackend.class.getName()),
				"evaluated only on elements annotated with @ConditionalOnLarderBackend");
		Backend required = (Backend) Objects.requireNonNull(attributes.get("value"),
				"@ConditionalOnLarderBackend's value is required");
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnLarderBackend.class, required);
		Backend selected = selectedBackend(context);
		if (selected == required) {
			return ConditionOutcome.match(message.because("larder.backend is " + selected.propertyValue()));
		}
		return ConditionOutcome.noMatch(message.because("larder.backend is " + selected.propertyValue()));
	}

	static Backend selectedBackend(ConditionContext context) {
		BindResult<Backend> bound = Binder.get(context.getEnvironment()).bind("larder.backend", Backend.class);
		return bound.orElse(DEFAULT_BACKEND);
	}

}
