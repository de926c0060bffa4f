package dev.larder.boundedheap;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application on Larder's defaults (the embedded backend, no max-memory or policy set)
 * that caches pages under keys that never repeat, with no ttl, until it has written
 * several times its max heap or its time is up; then it prints what it did on one line
 * and exits. Run in a small heap by {@link BoundedHeapApplicationTests}. Kept out of
 * {@code dev.larder.sample}, so that the sample's own tests do not scan it.
 */
@SpringBootApplication
@EnableCaching
public class BoundedHeapApplication {

	/** Heaps' worth of page bytes to write before stopping. */
	static final int HEAPS = 4;

	static final String REPORT = "bounded-heap:";

	public static void main(String[] args) {
		Duration time = Duration.parse(System.getProperty("bounded-heap.time", "PT60S"));
		long maxHeap = Runtime.getRuntime().maxMemory();
		try (ConfigurableApplicationContext context = SpringApplication.run(BoundedHeapApplication.class, args)) {
			PageRenderer pages = context.getBean(PageRenderer.class);
			long end = System.nanoTime() + time.toNanos();
			long writes = 0;
			long bytes = 0;
			while (bytes < HEAPS * maxHeap && System.nanoTime() - end < 0) {
				bytes += pages.render(writes++).length();
			}
			FunctionCounter evictions = context.getBean(MeterRegistry.class)
				.get("cache.evictions")
				.tag("cache", PageRenderer.CACHE)
				.functionCounter();
			Runtime runtime = Runtime.getRuntime();
			System.out.println(REPORT + " writes=" + writes + " bytes=" + bytes + " maxHeap=" + maxHeap + " evictions="
					+ (long) evictions.count() + " heapUsed=" + (runtime.totalMemory() - runtime.freeMemory()));
		}
	}

}
