package dev.larder.autoconfigure.metrics;

import java.util.List;
import java.util.Map;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.metrics.LarderCacheMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;

/**
 * Binds every Larder cache to the meter registry, including caches created after startup.
 * Tags match Boot's registrar ({@code cache}, {@code cache.manager}, {@code name}), so a cache
 * that both bind has one set of meters.
 */
class RuntimeCacheMetricsBinder implements SmartInitializingSingleton, BeanFactoryAware {

	private static final String CACHE_MANAGER_SUFFIX = "cacheManager";

	private final ObjectProvider<LarderCacheManager> managers;

	private final ObjectProvider<CacheMetricsRegistrar> registrar;

	private final MeterRegistry registry;

	private ListableBeanFactory beanFactory;

	RuntimeCacheMetricsBinder(ObjectProvider<LarderCacheManager> managers,
			ObjectProvider<CacheMetricsRegistrar> registrar, MeterRegistry registry) {
		this.managers = managers;
		this.registrar = registrar;
		this.registry = registry;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, LarderCacheManager> byName = this.beanFactory.getBeansOfType(LarderCacheManager.class);
		byName.forEach((beanName, manager) -> {
			Tag managerTag = Tag.of("cache.manager", managerName(beanName));
			manager.onCacheCreated((cache) -> bind(cache, managerTag));
		});
	}

	private void bind(LarderCache cache, Tag managerTag) {
		CacheMetricsRegistrar bootRegistrar = this.registrar.getIfAvailable();
		if (bootRegistrar != null) {
			bootRegistrar.bindCacheToRegistry(cache, managerTag);
		}
		else {
			new LarderCacheMeterBinder(cache, List.of(managerTag)).bindTo(this.registry);
		}
	}

	/** Boot's naming: a bean called {@code fooCacheManager} is cache manager {@code foo}. */
	private static String managerName(String beanName) {
		if (beanName.length() > CACHE_MANAGER_SUFFIX.length()
				&& beanName.toLowerCase(java.util.Locale.ROOT).endsWith(CACHE_MANAGER_SUFFIX.toLowerCase(java.util.Locale.ROOT))) {
			return beanName.substring(0, beanName.length() - CACHE_MANAGER_SUFFIX.length());
		}
		return beanName;
	}

}
