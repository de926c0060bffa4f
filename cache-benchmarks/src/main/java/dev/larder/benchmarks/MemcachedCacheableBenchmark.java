package dev.larder.benchmarks;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.serialization.ValueSerializer;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.command.BinaryCommandFactory;
import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Larder on Memcached ({@code @Cacheable} through a Spring proxy) against the same
 * cache-aside written by hand with a bare XMemcached client and the same JSON serializer,
 * on one memcached process started for the trial. Both do one get on a hit, and a get
 * then a set on a miss.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class MemcachedCacheableBenchmark {

	private static final int HOT_KEYS = 1024;

	/**
	 * {@code bare-multiget} is the bare cache-aside fetching one more key in the same
	 * request, as Larder does to check the cache's generation: it separates the cost of
	 * that from Larder's own.
	 */
	@Param({ "bare", "bare-multiget", "larder" })
	public String implementation;

	private Process memcached;

	private MemcachedClient client;

	private AnnotationConfigApplicationContext context;

	private Lookup lookup;

	private final LongAdder loads = new LongAdder();

	private long nextMissKey = 1L << 40;

	private int hot;

	@Setup(Level.Trial)
	public void start() throws Exception {
		int port = LocalPorts.free();
		this.memcached = new ProcessBuilder("memcached", "-p", String.valueOf(port), "-l", "127.0.0.1", "-U", "0", "-m",
				"256", "-u", "root")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		// A failed trial skips its teardown; the hook stops memcached when the fork ends
		// anyway.
		Runtime.getRuntime().addShutdownHook(new Thread(this.memcached::destroy));
		LocalPorts.awaitListening(port, "memcached");
		XMemcachedClientBuilder builder = new XMemcachedClientBuilder(
				List.of(new InetSocketAddress("127.0.0.1", port)));
		builder.setCommandFactory(new BinaryCommandFactory());
		builder.setFailureMode(false);
		this.client = builder.build();
		ValueSerializer serializer = new JsonValueSerializer(TypeAllowList.of(List.of("dev.larder.benchmarks")));
		if (this.implementation.equals("larder")) {
			LarderCacheManager manager = LarderCacheManager
				.builder(new MemcachedBackend(this.client, List.of(new InetSocketAddress("127.0.0.1", port)),
						MemcachedBackend.DEFAULT_MAX_ITEM_SIZE))
				.defaultSettings(CacheSettings.defaults())
				.serializer(serializer)
				.build();
			this.context = new AnnotationConfigApplicationContext();
			this.context.registerBean(LarderCacheManager.class, () -> manager);
			this.context.registerBean(Loader.class, () -> new Loader(this.loads));
			this.context.register(CachingConfiguration.class);
			this.context.refresh();
			Loader loader = this.context.getBean(Loader.class);
			this.lookup = loader::find;
		}
		else {
			this.lookup = new BareCacheAside(this.client, serializer, new Loader(this.loads),
					this.implementation.equals("bare-multiget"));
		}
		for (long i = 0; i < HOT_KEYS; i++) {
			this.lookup.find(i);
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		if (this.context != null) {
			this.context.close();
		}
		this.client.shutdown();
		this.memcached.destroy();
		this.memcached.waitFor();
		long expected = HOT_KEYS + (this.nextMissKey - (1L << 40));
		if (this.loads.sum() != expected) {
			throw new IllegalStateException(this.implementation + " loaded " + this.loads.sum() + " times, expected "
					+ expected + ": a hit loaded or a miss hit");
		}
	}

	@Benchmark
	public Product hit() {
		return this.lookup.find((long) (this.hot++ & (HOT_KEYS - 1)));
	}

	@Benchmark
	public Product miss() {
		return this.lookup.find(this.nextMissKey++);
	}

	interface Lookup {

		Product find(Long id);

	}

	/**
	 * The method behind the cache: counts its runs so the trial can check hits and
	 * misses.
	 */
	public static class Loader {

		private final LongAdder loads;

		public Loader(LongAdder loads) {
			this.loads = loads;
		}

		@Cacheable("products")
		public Product find(Long id) {
			this.loads.increment();
			return new Product(id, "Larder benchmark product", 100 + (id & 1023));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

	/**
	 * What an application writes without Larder: get, deserialize; or load, serialize,
	 * set.
	 */
	static final class BareCacheAside implements Lookup {

		private final MemcachedClient client;

		private final ValueSerializer serializer;

		private final Loader loader;

		private final boolean multiGet;

		BareCacheAside(MemcachedClient client, ValueSerializer serializer, Loader loader, boolean multiGet) {
			this.client = client;
			this.serializer = serializer;
			this.loader = loader;
			this.multiGet = multiGet;
		}

		@Override
		public Product find(Long id) {
			String key = "products::" + id;
			try {
				byte[] cached = this.multiGet
						? this.client.get(List.of("products::generation", key), RawBytes.INSTANCE).get(key)
						: this.client.get(key, RawBytes.INSTANCE);
				if (cached != null) {
					return (Product) this.serializer.deserialize(cached);
				}
				Product product = this.loader.find(id);
				this.client.set(key, 0, this.serializer.serialize(product), RawBytes.INSTANCE);
				return product;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Bytes as they are, as Larder's Memcached store sends them. */
	enum RawBytes implements Transcoder<byte[]> {

		INSTANCE;

		@Override
		public CachedData encode(byte[] value) {
			return new CachedData(0, value);
		}

		@Override
		public byte[] decode(CachedData data) {
			return data.getData();
		}

		@Override
		public void setPrimitiveAsString(boolean primitiveAsString) {
		}

		@Override
		public void setPackZeros(boolean packZeros) {
		}

		@Override
		public void setCompressionThreshold(int threshold) {
		}

		@Override
		public boolean isPrimitiveAsString() {
			return false;
		}

		@Override
		public boolean isPackZeros() {
			return false;
		}

		@Override
		public void setCompressionMode(CompressionMode mode) {
		}

	}

}
