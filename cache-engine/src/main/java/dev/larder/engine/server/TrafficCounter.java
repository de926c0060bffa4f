package dev.larder.engine.server;

import dev.larder.engine.command.Introspection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes read from and written to client sockets, the reads and the flushes
 * (INFO stats total_net_input_bytes, total_net_output_bytes, total_reads_processed,
 * total_writes_processed and the instantaneous kbps sampled from them). One instance
 * serves every connection.
 */
@ChannelHandler.Sharable
final class TrafficCounter extends ChannelDuplexHandler {

	private final Introspection stats;

	TrafficCounter(Introspection stats) {
		this.stats = stats;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof ByteBuf b) {
			stats.netInput.add(b.readableBytes());
			stats.readsProcessed.increment();
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof ByteBuf b) {
			stats.netOutput.add(b.readableBytes());
		}
		ctx.write(msg, promise);
	}

	@Override
	public void flush(ChannelHandlerContext ctx) {
		stats.writesProcessed.increment();
		ctx.flush();
	}

}
