package dev.larder.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.larder.autoconfigure.LarderProperties.Serialization.Format;
import dev.larder.cache.serialization.JdkValueSerializer;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.serialization.ValueSerializer;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The serializer of cached values and of typed sorted-set members, from
 * {@code larder.serialization.*}; shared by the cache and the structures
 * auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
public class ValueSerializerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ValueSerializer larderValueSerializer(LarderProperties properties, BeanFactory beanFactory) {
		LarderProperties.Serialization serialization = properties.getSerialization();
		List<String> packages = new ArrayList<>(serialization.getAllowedPackages());
		if (AutoConfigurationPackages.has(beanFactory)) {
			packages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		TypeAllowList allowList = TypeAllowList.of(packages);
		if (serialization.getFormat() == Format.JDK) {
			return new JdkValueSerializer(allowList);
		}
		if (!ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper", null)) {
			throw new IllegalStateException("larder.serialization.format=json needs Jackson 3 "
					+ "(tools.jackson.core:jackson-databind) on the classpath; add it, or set "
					+ "larder.serialization.format=jdk");
		}
		return new JsonValueSerializer(allowList);
	}

}
