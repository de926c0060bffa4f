package dev.larder.autoconfigure.redis;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Redis connection settings in force: {@code spring.data.redis.*} as the base,
 * {@code larder.redis.*} on top. Knows which of the two a value came from, so that errors
 * name the property the user actually wrote.
 */
final class RedisSettings {

	static final String LARDER = "larder.redis";

	static final String SPRING = "spring.data.redis";

	private final Environment environment;

	private final RedisBackendProperties properties;

	private RedisSettings(Environment environment, RedisBackendProperties properties) {
		this.environment = environment;
		this.properties = properties;
	}

	static RedisSettings resolve(Environment environment) {
		Binder binder = Binder.get(environment);
		RedisBackendProperties properties = new RedisBackendProperties();
		Bindable<RedisBackendProperties> target = Bindable.ofInstance(properties);
		binder.bind(SPRING, target);
		// Boot keeps Lettuce-only settings under spring.data.redis.lettuce.
		binder.bind(SPRING + ".lettuce.read-from", String.class).ifBound(properties::setReadFrom);
		binder.bind(SPRING + ".lettuce.cluster.refresh", Bindable.ofInstance(properties.getCluster().getRefresh()));
		binder.bind(LARDER, target);
		return new RedisSettings(environment, properties);
	}

	RedisBackendProperties properties() {
		return this.properties;
	}

	/** The property to name in an error about {@code suffix} (e.g. {@code url}). */
	String propertyName(String suffix) {
		if (!isSet(LARDER, suffix) && isSet(SPRING, suffix)) {
			return SPRING + "." + suffix;
		}
		return LARDER + "." + suffix;
	}

	private boolean isSet(String prefix, String suffix) {
		String name = prefix + "." + suffix;
		return this.environment.containsProperty(name) || this.environment.containsProperty(name + "[0]");
	}

}
