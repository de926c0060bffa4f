package dev.larder.cache.conformance;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Polls a condition until it holds or a deadline passes: for effects that happen in time.
 */
public final class Eventually {

	private Eventually() {
	}

	public static void await(Duration deadline, String what, BooleanSupplier condition) {
		long end = System.nanoTime() + deadline.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - end > 0) {
				fail("Not true within " + deadline + ": " + what);
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("Interrupted while waiting for: " + what);
			}
		}
	}

}
