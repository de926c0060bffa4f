package dev.larder.engine.pubsub;

import dev.larder.engine.keyspace.Bytes;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** A channel or pattern name as a map key: binary-safe, hash computed once. */
final class ChannelName {

	private final byte[] bytes;

	private final int hash;

	ChannelName(byte[] bytes) {
		this.bytes = bytes;
		this.hash = Bytes.hash(bytes);
	}

	byte[] bytes() {
		return bytes;
	}

	@Override
	public boolean equals(@Nullable Object o) {
		return o instanceof ChannelName other && other.hash == hash && Arrays.equals(other.bytes, bytes);
	}

	@Override
	public int hashCode() {
		return hash;
	}

	@Override
	public String toString() {
		return Bytes.string(bytes);
	}

}
