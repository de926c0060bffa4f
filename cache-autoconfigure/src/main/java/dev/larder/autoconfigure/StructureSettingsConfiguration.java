package dev.larder.autoconfigure;

import java.time.InstantSource;

import dev.larder.cache.serialization.ValueSerializer;
import dev.larder.cache.structure.StructureSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every backend's structures share with its caches: {@code larder.key-prefix} and
 * the value serializer (for typed sorted-set members); and, for tests, a clock.
 */
@Configuration(proxyBeanMethods = false)
public class StructureSettingsConfiguration {

	/**
	 * The name of an optional {@link InstantSource} bean that rate limiters count time
	 * with instead of the backend's clock: a hook for tests that move time by hand. Every
	 * instance sharing the backend must then share the clock.
	 */
	public static final String STRUCTURE_CLOCK = "larderStructureClock";

	@Bean
	@ConditionalOnMissingBean
	StructureSettings larderStructureSettings(LarderProperties properties, ObjectProvider<ValueSerializer> serializer,
			@Qualifier(STRUCTURE_CLOCK) ObjectProvider<InstantSource> clock) {
		return StructureSettings.defaults()
			.withKeyPrefix(properties.getKeyPrefix())
			.withSerializer(serializer.getIfAvailable())
			.withClock(clock.getIfAvailable());
	}

}
