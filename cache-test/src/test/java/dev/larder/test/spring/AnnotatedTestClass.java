package dev.larder.test.spring;

/**
 * A test class as {@link EmbeddedRedisContextCustomizerFactoryTests} sees it: top level,
 * so that a class loader of its own can define it without its enclosing class.
 */
@EmbeddedRedisConnection
public class AnnotatedTestClass {

}
