package dev.larder.cache.redis;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.output.CommandOutput;
import org.jspecify.annotations.Nullable;

/**
 * Any reply as plain Java, in the shapes
 * {@link dev.larder.cache.structure.script.RespCommands} promises: Long, byte[], status
 * String, Double, nested Lists (maps and sets flattened), null. Lettuce's own outputs
 * either expect one shape or wrap a scalar in a list; this one keeps a scalar a scalar
 * and counts each array's elements to know when it is complete.
 */
final class RespReplyOutput extends CommandOutput<String, byte[], Object> {

	private final Deque<OpenArray> open = new ArrayDeque<>();

	RespReplyOutput(RedisCodec<String, byte[]> codec) {
		super(codec, null);
	}

	@Override
	public void set(@Nullable ByteBuffer bytes) {
		add((bytes != null) ? copy(bytes) : null);
	}

	@Override
	public void setSingle(@Nullable ByteBuffer bytes) {
		add((bytes != null) ? decodeString(bytes) : null);
	}

	@Override
	public void setBigNumber(@Nullable ByteBuffer bytes) {
		add((bytes != null) ? copy(bytes) : null);
	}

	@Override
	public void set(long integer) {
		add(integer);
	}

	@Override
	public void set(double number) {
		add(number);
	}

	@Override
	public void set(boolean value) {
		add(value ? 1L : 0L);
	}

	@Override
	public void multi(int count) {
		if (count < 0) {
			add(null);
			return;
		}
		List<Object> items = new ArrayList<>(count);
		add(items);
		if (count > 0) {
			this.open.push(new OpenArray(items, count));
		}
	}

	private void add(@Nullable Object value) {
		OpenArray top = this.open.peek();
		if (top == null) {
			this.output = value;
			return;
		}
		top.items.add(value);
		// An array whose last slot is taken is done: if that last element is itself an
		// array, the
		// elements still to come go to it, since multi() opens it right after adding it
		// here.
		while (!this.open.isEmpty() && this.open.peek().isFull()) {
			this.open.pop();
		}
	}

	private static byte[] copy(ByteBuffer bytes) {
		byte[] copy = new byte[bytes.remaining()];
		bytes.get(copy);
		return copy;
	}

	private record OpenArray(List<Object> items, int expected) {

		boolean isFull() {
			return this.items.size() == this.expected;
		}

	}

}
