package dev.larder.autoconfigure.embedded;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code larder.embedded.users}: ACL users of the embedded engine's RESP port, as Redis's
 * user directives, while the application's own in-process cache calls stay unchecked.
 */
class EmbeddedUsersAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class);

	@Test
	void aUserSeesOnlyItsKeysWhileTheApplicationCachesAnything() {
		int port = RedisProcess.freePort();
		this.runner
			.withPropertyValues("larder.embedded.port=" + port,
					"larder.embedded.users.reader=on >secret ~products::* +@read +@connection")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
				cache.put(1L, "tea");
				context.getBean(LarderCacheManager.class).getCache("orders").put(2L, "jam");
				assertThat(cli(port, "--user", "reader", "--pass", "secret", "GET", "products::1")).contains("tea");
				assertThat(cli(port, "--user", "reader", "--pass", "secret", "GET", "orders::2"))
					.contains("NOPERM this user has no permissions to access one of the keys used as arguments");
				assertThat(cli(port, "--user", "reader", "--pass", "secret", "DEL", "products::1"))
					.contains("NOPERM this user has no permissions to run the 'del' command");
				assertThat(cli(port, "--user", "reader", "--pass", "wrong", "PING")).contains("WRONGPASS");
				assertThat(cli(port, "ACL", "WHOAMI")).contains("default");
				assertThat(cache.get(1L, String.class)).isEqualTo("tea");
			});
	}

	@Test
	void theDefaultUserCanBeRedefined() {
		int port = RedisProcess.freePort();
		this.runner
			.withPropertyValues("larder.embedded.port=" + port,
					"larder.embedded.users.default=on >pw ~* &* +@all -flushall",
					"larder.embedded.users.ops=on >ops ~* +@all")
			.run((context) -> {
				assertThat(cli(port, "GET", "x")).contains("NOAUTH");
				assertThat(cli(port, "-a", "pw", "FLUSHALL")).contains("NOPERM");
				assertThat(cli(port, "--user", "ops", "--pass", "ops", "ACL", "USERS")).contains("default", "ops");
				context.getBean(LarderCacheManager.class).getCache("products").put(1L, "tea");
			});
	}

	@Test
	void aBadRuleFailsStartupNamingThePropertyAndTheRule() {
		this.runner.withPropertyValues("larder.embedded.users.bob=on >pw +nosuch ~*")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.users.bob 'on >pw +nosuch ~*'")
				.hasStackTraceContaining(
						"Error in user declaration '+nosuch': Unknown command or category name in ACL"));
		this.runner.withPropertyValues("larder.embedded.users.bob=on %X~a")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Error in user declaration '%X~a': Syntax error"));
	}

	private static String cli(int port, String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "-p";
		all[1] = String.valueOf(port);
		all[2] = "--no-auth-warning";
		System.arraycopy(args, 0, all, 3, args.length);
		return RedisProcess.cli(all);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}
