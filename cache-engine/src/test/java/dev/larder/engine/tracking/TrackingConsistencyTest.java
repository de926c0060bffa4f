package dev.larder.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A tracking client caching a key while another connection keeps writing it: however
 * reads and writes interleave, once the writer stops and the invalidations are read,
 * whatever the client still holds is the key's value (a read and a write of one key never
 * miss each other, though the engine has no global lock).
 */
class TrackingConsistencyTest {

	@Test
	void cachedValueIsNeverStaleOnceInvalidationsAreRead() throws Exception {
		try (Engine engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
				RespClient tracker = new RespClient(engine.port());
				RespClient writer = new RespClient(engine.port())) {
			tracker.call("HELLO", "3");
			tracker.call("CLIENT", "TRACKING", "on");
			writer.call("SET", "counter", "0");
			AtomicBoolean stop = new AtomicBoolean();
			CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
				for (int i = 0; i < 5_000 && !stop.get(); i++) {
					writer.call("INCR", "counter");
				}
			});
			String cached = null;
			int reads = 0;
			while (!writes.isDone()) {
				if (cached == null) {
					tracker.send(RespClient.encode("GET", "counter"));
					reads++;
				}
				else {
					tracker.send(RespClient.encode("PING"));
				}
				// pushes first, then the reply
				while (true) {
					Resp r = tracker.read();
					if (r.type() == '>') {
						cached = null;
						continue;
					}
					if (r.type() == '$') {
						cached = r.text();
					}
					break;
				}
			}
			stop.set(true);
			writes.get(10, TimeUnit.SECONDS);
			tracker.send(RespClient.encode("PING", "end"));
			while (true) {
				Resp r = tracker.read();
				if (r.type() == '>') {
					cached = null;
				}
				else if ("end".equals(r.text())) {
					break;
				}
			}
			String actual = writer.call("GET", "counter").text();
			assertThat(reads).isPositive();
			if (cached != null) {
				assertThat(cached).isEqualTo(actual);
			}
		}
	}

}
