package dev.larder.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code spring.cache.type} is set. An application (or a Boot test slice,
 * via {@code @AutoConfigureCache}) that picks a cache type explicitly wants Boot's cache,
 * so Larder steps aside; {@code spring.cache.type=none} therefore still switches caching
 * off.
 */
class OnSpringCacheTypeUnsetCondition extends SpringBootCondition {

	private static final String PROPERTY = "spring.cache.type";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Spring cache type");
		String type = context.getEnvironment().getProperty(PROPERTY);
		if (type == null) {
			return ConditionOutcome.match(message.because(PROPERTY + " is not set"));
		}
		return ConditionOutcome.noMatch(message.because(PROPERTY + " is '" + type + "'"));
	}

}
