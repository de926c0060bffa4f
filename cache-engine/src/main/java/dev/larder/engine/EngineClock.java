package dev.larder.engine;

/**
 * Wall-clock time in milliseconds, as Redis's {@code mstime()}. Injectable so expiry
 * tests can move time forward instead of sleeping.
 */
@FunctionalInterface
public interface EngineClock {

	EngineClock SYSTEM = System::currentTimeMillis;

	long millis();

}
