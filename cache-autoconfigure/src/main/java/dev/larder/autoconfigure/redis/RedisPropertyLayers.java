package dev.larder.autoconfigure.redis;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The two layers of the Redis settings: Spring Boot's {@code spring.data.redis.*} as the
 * base, Larder's {@code larder.redis.*} on top. Fills the base layer, and names the
 * property a value came from, so that errors name the property the user actually wrote.
 */
final class RedisPropertyLayers {

	static final String LARDER = "larder.redis";

	static final String SPRING = "spring.data.redis";

	private final Environment environment;

	RedisPropertyLayers(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Settings holding {@code spring.data.redis.*}, for {@code larder.redis.*} to be
	 * bound over. Bound here because Larder does not own that namespace: Boot's own
	 * properties class for it is on the classpath only with Spring Data Redis, and a
	 * Larder {@code @ConfigurationProperties} bean for it would claim Boot's properties
	 * in Larder's metadata.
	 */
	static RedisBackendProperties springDataRedis(Environment environment) {
		Binder binder = Binder.get(environment);
		RedisBackendProperties properties = new RedisBackendProperties();
		binder.bind(SPRING, Bindable.ofInstance(properties));
		// Boot keeps Lettuce-only settings under spring.data.redis.lettuce.
		binder.bind(SPRING + ".lettuce.read-from", String.class).ifBound(properties::setReadFrom);
		binder.bind(SPRING + ".lettuce.cluster.refresh", Bindable.ofInstance(properties.getCluster().getRefresh()));
		return properties;
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
