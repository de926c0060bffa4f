package dev.larder.test.spring;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The factory leaves classes without the annotation alone, and refuses the annotation
 * with the fix when Spring Boot's Redis module is missing (simulated by a class loader
 * that hides it).
 */
class EmbeddedRedisContextCustomizerFactoryTests {

	private final EmbeddedRedisContextCustomizerFactory factory = new EmbeddedRedisContextCustomizerFactory();

	@Test
	void classesWithoutTheAnnotationGetNoCustomizer() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void annotatedClassesGetEqualCustomizersSoTheyShareACachedContext() {
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(AnnotatedToo.class, List.of()));
	}

	@Test
	void withoutSpringBootDataRedisTheAnnotationIsRefusedWithTheFix() throws Exception {
		Class<?> testClass = new HidingDataRedis(getClass().getClassLoader())
			.loadClass(AnnotatedTestClass.class.getName());
		assertThat(testClass.getClassLoader()).isInstanceOf(HidingDataRedis.class);
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createContextCustomizer(testClass, List.of()))
			.withMessageContaining("@EmbeddedRedisConnection on " + AnnotatedTestClass.class.getName())
			.withMessageContaining("add org.springframework.boot:spring-boot-starter-data-redis");
	}

	static class Plain {

	}

	@EmbeddedRedisConnection
	static class Annotated {

	}

	@EmbeddedRedisConnection
	static class AnnotatedToo {

	}

	/**
	 * Defines {@link AnnotatedTestClass} itself and hides Spring Boot's Redis module;
	 * everything else (the annotation included) comes from the parent.
	 */
	static final class HidingDataRedis extends ClassLoader {

		HidingDataRedis(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				if (name.startsWith("org.springframework.boot.data.redis.")) {
					throw new ClassNotFoundException(name);
				}
				if (!name.equals(AnnotatedTestClass.class.getName())) {
					return super.loadClass(name, resolve);
				}
				Class<?> loaded = findLoadedClass(name);
				if (loaded != null) {
					return loaded;
				}
				try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
					byte[] bytes = in.readAllBytes();
					return defineClass(name, bytes, 0, bytes.length);
				}
				catch (IOException ex) {
					throw new ClassNotFoundException(name, ex);
				}
			}
		}

	}

}
