package dev.larder.autoconfigure.aot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

class CachedValueTypesAotProcessorTests {

	@Test
	void theValuesOfCachedMethodsGetBindingHintsThroughWrappersAndCollections() {
		RuntimeHints hints = hintsFor(Catalog.class);
		for (Class<?> type : List.of(Product.class, Price.class, Order.class, Invoice.class, Line.class, Tag.class,
				Region.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getSimpleName()).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(Uncached.class)).rejects(hints);
	}

	@Test
	void aBeanWithoutCachedMethodsContributesNothing() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(Plain.class));
		assertThat(new CachedValueTypesAotProcessor().processAheadOfTime(RegisteredBean.of(beanFactory, "plain")))
			.isNull();
	}

	@Test
	void theProcessorIsFoundWhereSpringLooksForIt() {
		assertThat(AotServices.factories().load(BeanRegistrationAotProcessor.class))
			.anyMatch(CachedValueTypesAotProcessor.class::isInstance);
	}

	private static RuntimeHints hintsFor(Class<?> beanClass) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("bean", new RootBeanDefinition(beanClass));
		BeanRegistrationAotContribution contribution = new CachedValueTypesAotProcessor()
			.processAheadOfTime(RegisteredBean.of(beanFactory, "bean"));
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(Catalog.class)), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, null);
		return generationContext.getRuntimeHints();
	}

	static class Catalog {

		@Cacheable("products")
		public Product product(long id) {
			return new Product(id, new Price(BigDecimal.ONE));
		}

		@Cacheable("orders")
		public Optional<Order> order(long id) {
			return Optional.empty();
		}

		@Cacheable("invoices")
		public CompletableFuture<List<Invoice>> invoices(long id) {
			return CompletableFuture.completedFuture(List.of());
		}

		@CachePut("lines")
		public Map<String, Line> lines(long id) {
			return Map.of();
		}

		@Cacheable("tags")
		public Tag[] tags(long id) {
			return new Tag[0];
		}

		@Cacheable("regions")
		protected Region region(long id) {
			return new Region("eu");
		}

		public Uncached notCached() {
			return new Uncached();
		}

	}

	static class Plain {

		public Product product() {
			return new Product(1, new Price(BigDecimal.ONE));
		}

	}

	record Product(long id, Price price) {
	}

	record Price(BigDecimal amount) {
	}

	record Order(long id) {
	}

	record Invoice(long id) {
	}

	record Line(long id) {
	}

	record Tag(String name) {
	}

	record Region(String name) {
	}

	record Uncached() {
	}

}
