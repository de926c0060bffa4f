package dev.larder.autoconfigure;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Compares {@code larder.structures.backend} with {@code larder.backend}.
 */
class OnSeparateStructuresBackendCondition extends SpringBootCondition {

	static final String PROPERTY = "larder.structures.backend";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnSeparateStructuresBackend.class);
		Backend cache = OnLarderBackendCondition.selectedBackend(context);
		Backend structures = configured(context.getEnvironment());
		if (structures == null) {
			return ConditionOutcome.noMatch(message.because(PROPERTY + " is unset: the cache's backend ("
					+ cache.propertyValue() + ") carries the structures"));
		}
		String both = PROPERTY + " is " + structures.propertyValue() + " and larder.backend is "
				+ cache.propertyValue();
		return (structures != cache) ? ConditionOutcome.match(message.because(both))
				: ConditionOutcome.noMatch(message.because(both));
	}

	/**
	 * The backend {@code larder.structures.backend} names, or null when unset. Conditions
	 * run before {@code LarderProperties} is bound, so a misspelt value is reported here,
	 * with the values that are allowed.
	 */
	static @Nullable Backend configured(Environment environment) {
		try {
			return Binder.get(environment).bind(PROPERTY, Backend.class).orElse(null);
		}
		catch (BindException ex) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, environment.getProperty(PROPERTY),
					"It must be one of " + allowedValues() + ", or unset to keep the structures in the cache's "
							+ "backend (larder.backend)");
		}
	}

	static String allowedValues() {
		return Arrays.stream(Backend.values()).map(Backend::propertyValue).collect(Collectors.joining(", "));
	}

}
