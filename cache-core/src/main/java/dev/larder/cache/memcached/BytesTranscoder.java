package dev.larder.cache.memcached;

import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;

/**
 * Stores values as the bytes they are. Larder serializes values itself (with its
 * allow-listed serializer), so xmemcached's default transcoder, which Java-serializes
 * objects, must never run.
 */
final class BytesTranscoder implements Transcoder<byte[]> {

	static final BytesTranscoder INSTANCE = new BytesTranscoder();

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
