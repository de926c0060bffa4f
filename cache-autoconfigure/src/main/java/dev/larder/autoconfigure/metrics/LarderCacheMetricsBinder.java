package dev.larder.autoconfigure.metrics;

import java.util.Locale;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.metrics.LarderCacheMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Binds the caches of each {@link LarderCacheManager} bean to the meter registry as they
 * are created. Tags match those of Boot's cache metrics: {@code cache},
 * {@code cache.manager} (the bean name less a {@code CacheManager} suffix) and
 * {@code name}.
 */
class LarderCacheMetricsBinder implements BeanPostProcessor {

	private static final String CACHE_MANAGER_SUFFIX = "cachemanager";

	private final ObjectProvider<MeterRegistry> registry;

	LarderCacheMetricsBinder(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof LarderCacheManager manager) {
			Tag managerTag = Tag.of("cache.manager", managerName(beanName));
			manager.onCacheCreated(
					(cache) -> new LarderCacheMeterBinder(cache, Tags.of(managerTag, Tag.of("name", cache.getName())))
						.bindTo(this.registry.getObject()));
		}
		return bean;
	}

	/**
	 * Boot's naming: a bean called {@code fooCacheManager} is cache manager {@code foo}.
	 */
	static String managerName(String beanName) {
		if (beanName.length() > CACHE_MANAGER_SUFFIX.length()
				&& beanName.toLowerCase(Locale.ROOT).endsWith(CACHE_MANAGER_SUFFIX)) {
			return beanName.substring(0, beanName.length() - CACHE_MANAGER_SUFFIX.length());
		}
		return beanName;
	}

}
