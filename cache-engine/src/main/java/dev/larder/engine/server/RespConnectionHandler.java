package dev.larder.engine.server;

import dev.larder.engine.Reply;
import dev.larder.engine.command.Blocking;
import dev.larder.engine.command.ClientControl;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import dev.larder.engine.pubsub.DeferredWakeups;
import dev.larder.engine.pubsub.Frames;
import dev.larder.engine.pubsub.OutputBufferLimits;
import dev.larder.engine.pubsub.PubSubCommands;
import dev.larder.engine.pubsub.PushQueue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: accumulates input, parses and executes every complete command on
 * the event loop (commands are short and non-blocking), and batches all replies of one
 * read into a single flush — that is what makes pipelining cheap. Backpressure: when the
 * socket stops draining, reading and executing pause until it is writable again, so a
 * client that does not read its replies cannot grow the output buffer without bound.
 * Input is bounded per connection (client-query-buffer-limit), output by
 * client-output-buffer-limit, and both together across all connections
 * ({@link ClientMemory}).
 */
final class RespConnectionHandler extends ChannelInboundHandlerAdapter
		implements Blocking.Client, ClientControl.Connection {

	// JDK platform logging: no logging dependency for the engine; Spring apps bridge it
	// anyway.
	private static final System.Logger log = System.getLogger(RespConnectionHandler.class.getName());

	private static final int LARGE_BULK = 16 * 1024;

	private static final byte[] MAX_CLIENTS = "-ERR max number of clients reached\r\n"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private static final int OUT_CHUNK = 64 * 1024;

	/** Commands parsed ahead of execution, so their keys can be prefetched together. */
	private static final int BATCH = 16;

	private final EngineCore core;

	private final CommandExecutor executor;

	private final ClientMemory memory;

	// session, parser and ctx are set by channelActive, which Netty calls before any
	// other event that reads them; checking them would cost on every command.
	@SuppressWarnings("NullAway.Init")
	private ClientSession session;

	@SuppressWarnings("NullAway.Init")
	private RespParser parser;

	/** Parsed commands not yet executed: batch[next..count); the other slots are null. */
	private final byte[] @Nullable [][] batch = new byte[BATCH][][];

	private int next;

	private int count;

	private long batchBytes;

	/**
	 * A protocol error met while parsing ahead: answered once the commands before it have
	 * run.
	 */
	private @Nullable ProtocolException deferredError;

	/** Keeps the prefetch loads alive (see CommandExecutor.prefetch). */
	private int prefetchSink;

	/** Replies not yet handed to the channel; null when none are. */
	private @Nullable ByteBuf out;

	/**
	 * Something was written since the last flush: sending counts as an interaction for
	 * the idle timeout and CLIENT LIST's idle, as in Redis's writeToClient.
	 */
	private boolean wrote;

	/** This connection's input and output bytes, as last added to {@link #memory}. */
	private long accounted;

	/**
	 * A marker write is pending that re-accounts once the socket took what preceded it.
	 */
	private boolean drainWatched;

	private boolean paused;

	/** CLIENT PAUSE postponed the next command (it is still batch[next]). */
	private boolean postponed;

	/** Refused at maxclients: it has no session and serves nothing. */
	private boolean refused;

	private boolean closing;

	// Set by channelActive, as session is.
	@SuppressWarnings("NullAway.Init")
	private ChannelHandlerContext ctx;

	/**
	 * The parked blocking command, while this client is blocked; its timer, when it has a
	 * timeout.
	 */
	private Blocking.@Nullable Waiter blocked;

	private io.netty.util.concurrent.@Nullable ScheduledFuture<?> blockTimer;

	/**
	 * Frames pushed to this client from any thread (pub/sub), written on this event loop;
	 * set by channelActive, as session is.
	 */
	@SuppressWarnings("NullAway.Init")
	private PushQueue pushes;

	RespConnectionHandler(EngineCore core, CommandExecutor executor, ClientMemory memory) {
		this.core = core;
		this.executor = executor;
		this.memory = memory;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		if (!core.introspection().admit()) {
			refused = true;
			ctx.writeAndFlush(Unpooled.copiedBuffer(MAX_CLIENTS)).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		if (ProtectedMode.refuses(core, ctx.channel().remoteAddress())) {
			refused = true;
			core.stats().rejectedConnections.increment();
			ctx.writeAndFlush(Unpooled.wrappedBuffer(ProtectedMode.DENIED)).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		session = core.newSession(address(ctx.channel().remoteAddress()), address(ctx.channel().localAddress()));
		core.register(session);
		this.ctx = ctx;
		session.blockClient(this);
		pushes = new PushQueue(ctx.executor(), frame -> writeReply(ctx, frame), () -> flushOut(ctx), () -> unsent(ctx),
				() -> session.subscribed() ? OutputBufferLimits.PUBSUB : OutputBufferLimits.NORMAL,
				core.outputBufferLimits(), core::now, () -> ctx.channel().close(),
				"id=" + session.id() + " addr=" + session.address());
		session.subscriber(pushes);
		DeferredWakeups.bindCurrentThread(ctx.executor());
		session.control().connection(this);
		parser = new RespParser(core.config().maxInlineLength(), core.config().maxMultibulkLength(),
				core::protoMaxBulkLen, () -> !session.authenticated());
		ctx.fireChannelActive();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		try {
			if (closing || refused) {
				return;
			}
			parser.append(in);
			session.interacted(core.now());
		}
		finally {
			in.release();
		}
		process(ctx);
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		flushOut(ctx);
		ctx.fireChannelReadComplete();
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		if (paused && ctx.channel().isWritable()) {
			paused = false;
			ctx.channel().config().setAutoRead(true);
			process(ctx);
			flushOut(ctx);
		}
		else if (!refused) {
			account(ctx);
		}
		ctx.fireChannelWritabilityChanged();
	}

	private void process(ChannelHandlerContext ctx) {
		while (!paused && !closing && blocked == null && !postponed) {
			if (next == count && !refill()) {
				ProtocolException error = deferredError;
				if (error != null) {
					writeReply(ctx, Reply.error(Objects.requireNonNull(error.getMessage(),
							"a ProtocolException is made with its message")));
					closeAfterFlush(ctx);
					return;
				}
				break;
			}
			byte[][] args = queued(next);
			batch[next++] = null;
			batchBytes -= sizeOf(args);
			Reply reply = executor.execute(session, args);
			if (reply == CommandExecutor.BLOCKED) {
				park(ctx, Objects.requireNonNull(session.takeParked(), "BLOCKED means the command parked"));
				break;
			}
			if (reply == CommandExecutor.POSTPONED) {
				// kept for its run after the pause (resumePostponed)
				batch[--next] = args;
				batchBytes += sizeOf(args);
				postponed = true;
				break;
			}
			if (pushes.hasQueued()) {
				pushes.drainNow();
			}
			if (reply != PubSubCommands.PUSHED && session.control().replyAllowed() && reply != ClientControl.NO_REPLY) {
				writeReply(ctx, reply);
			}
			if (session.closeRequested()) {
				closeAfterFlush(ctx);
				return;
			}
			// a monitor's line about its own command (QUIT's never goes out, as in Redis)
			pushOwnMonitorLines();
			if (!ctx.channel().isWritable()) {
				flushOut(ctx);
				if (!ctx.channel().isWritable()) {
					paused = true;
					ctx.channel().config().setAutoRead(false);
				}
			}
		}
		account(ctx);
	}

	/** Pushes the lines MONITOR fed this client about its own last command. */
	private void pushOwnMonitorLines() {
		var lines = session.takeAfterReply();
		if (lines != null) {
			lines.forEach(line -> pushes.push(line, Frames.size(line)));
		}
	}

	/**
	 * Parses up to {@link #BATCH} commands and prefetches their keys; false when none is
	 * complete. What the parser accepts depends on whether the client has authenticated,
	 * so before authentication it parses one command at a time (a pipelined AUTH changes
	 * that), and a batch ends at RESET (which undoes it).
	 */
	private boolean refill() {
		next = 0;
		count = 0;
		int max = session.authenticated() ? BATCH : 1;
		try {
			while (count < max && deferredError == null) {
				byte[][] args = parser.parse();
				if (args == null) {
					break;
				}
				if (args.length > 0) {
					batch[count++] = args;
					batchBytes += sizeOf(args);
					if (isReset(args[0])) {
						break;
					}
				}
			}
		}
		catch (ProtocolException e) {
			deferredError = e;
		}
		if (count > 1) {
			prefetchSink += executor.prefetch(session, batch, 0, count);
		}
		return count > 0;
	}

	/** Parsed command {@code i}, which must be in next..count-1. */
	// The type cannot say that the slots in next..count-1 are never null, and this is
	// every command's path, so no check is added to prove it.
	@SuppressWarnings("NullAway")
	private byte[][] queued(int i) {
		return batch[i];
	}

	private static boolean isReset(byte[] name) {
		return name.length == 5
				&& new String(name, java.nio.charset.StandardCharsets.ISO_8859_1).equalsIgnoreCase("reset");
	}

	private static long sizeOf(byte[][] args) {
		long n = 0;
		for (byte[] a : args) {
			n += a.length + 16;
		}
		return n;
	}

	/**
	 * The command parked: stop executing this connection's input (it keeps buffering,
	 * within the limits) and arm the timeout on the event loop. No thread waits and no
	 * lock is held meanwhile.
	 */
	private void park(ChannelHandlerContext ctx, Blocking.Waiter w) {
		blocked = w;
		if (w.deadline() > 0) {
			long delay = Math.max(0, w.deadline() - core.now());
			blockTimer = ctx.executor().schedule(() -> {
				if (blocked == w && core.blocking().cancel(w)) {
					resume(w, w.timeoutReply());
				}
			}, delay, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Served by a writer on another thread (or this one): the reply is written on this
	 * event loop.
	 */
	@Override
	public void unblocked(Reply reply) {
		ChannelHandlerContext c = ctx;
		c.executor().execute(() -> {
			Blocking.Waiter w = blocked;
			if (w != null) {
				resume(w, reply);
			}
		});
	}

	private void resume(Blocking.Waiter w, Reply reply) {
		if (blocked != w) {
			return;
		}
		blocked = null;
		if (blockTimer != null) {
			blockTimer.cancel(false);
			blockTimer = null;
		}
		if (closing || !ctx.channel().isActive()) {
			return;
		}
		// the parked command's turn of CLIENT REPLY SKIP comes now
		if (session.control().replyAllowed()) {
			writeReply(ctx, reply);
		}
		process(ctx);
		flushOut(ctx);
	}

	private void writeReply(ChannelHandlerContext ctx, Reply reply) {
		wrote = true;
		if (out == null) {
			out = ctx.alloc().ioBuffer(256);
		}
		boolean resp3 = session.protocol() == 3;
		if (reply instanceof Reply.BulkString b && b.value().length >= LARGE_BULK) {
			// Stored values are never mutated in place, so big ones go out without a
			// copy.
			out.writeByte('$');
			RespWriter.writeLong(out, b.value().length);
			out.writeByte('\r').writeByte('\n');
			ctx.write(out);
			ctx.write(Unpooled.wrappedBuffer(b.value()));
			out = ctx.alloc().ioBuffer(256);
			out.writeByte('\r').writeByte('\n');
			return;
		}
		RespWriter.write(out, reply, resp3);
		if (out.readableBytes() >= OUT_CHUNK) {
			ctx.write(out);
			out = null;
		}
	}

	private void flushOut(ChannelHandlerContext ctx) {
		if (out != null && out.isReadable()) {
			ctx.write(out);
			out = null;
		}
		ctx.flush();
		if (wrote) {
			wrote = false;
			session.interacted(core.now());
		}
		watchDrain(ctx);
	}

	/**
	 * Output the socket did not take at once drains without an event of ours: a marker
	 * written behind it re-accounts the connection when it has gone, so the global total
	 * does not keep counting sent replies.
	 */
	private void watchDrain(ChannelHandlerContext ctx) {
		if (drainWatched || closing || unsent(ctx) == 0) {
			return;
		}
		drainWatched = true;
		ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
			drainWatched = false;
			// Later, not in the listener: Netty counts the marker's predecessors as
			// pending until its listeners have run.
			ctx.executor().execute(() -> {
				if (!closing && ctx.channel().isActive()) {
					account(ctx);
					watchDrain(ctx);
				}
			});
		});
	}

	private void closeAfterFlush(ChannelHandlerContext ctx) {
		closing = true;
		if (out != null) {
			ctx.write(out);
			out = null;
		}
		ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
		releaseInput();
	}

	/**
	 * Counts this connection's input and unsent output and enforces the per-client input
	 * and output limits and the global budget.
	 */
	private void account(ChannelHandlerContext ctx) {
		if (closing) {
			return;
		}
		long buffered = parser.buffered() + batchBytes;
		long output = unsent(ctx) + (out == null ? 0 : out.readableBytes());
		long total = memory.add(buffered + output - accounted);
		accounted = buffered + output;
		session.control().queryBuffer(buffered);
		if (buffered > core.clientQueryBufferLimit()) {
			closeOverLimit(ctx, "the query buffer limit", buffered, total);
			return;
		}
		// ordinary replies count against client-output-buffer-limit as pushes do
		pushes.checkLimit();
		if (pushes.closed()) {
			closing = true;
			releaseInput();
			return;
		}
		if (!memory.enforce()) {
			closeOverLimit(ctx, "the memory limit for clients", buffered + output, total);
		}
	}

	private void closeOverLimit(ChannelHandlerContext ctx, String limit, long bytes, long total) {
		log.log(System.Logger.Level.WARNING,
				"Closing client {0} that reached {1} ({2} bytes buffered, {3} across " + "clients)", session.address(),
				limit, bytes, total);
		closing = true;
		releaseInput();
		ctx.close();
	}

	private void releaseInput() {
		if (parser != null) {
			parser.release();
		}
		java.util.Arrays.fill(batch, null);
		next = 0;
		count = 0;
		batchBytes = 0;
		memory.add(-accounted);
		accounted = 0;
	}

	/** CLIENT KILL, or the idle timeout: closed at once, pending replies dropped. */
	@Override
	public void kill() {
		ChannelHandlerContext c = ctx;
		c.executor().execute(() -> {
			closing = true;
			c.close();
		});
	}

	/** The pause ended: run the postponed command, and what follows it. */
	@Override
	public void resumePostponed() {
		ChannelHandlerContext c = ctx;
		c.executor().execute(() -> {
			if (postponed) {
				postponed = false;
				if (!closing && c.channel().isActive()) {
					process(c);
					flushOut(c);
				}
			}
		});
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (refused) {
			ctx.fireChannelInactive();
			return;
		}
		session.control().connection(null);
		if (postponed) {
			core.introspection().pause().forget(session);
		}
		if (blocked != null) {
			core.blocking().cancel(blocked);
			blocked = null;
			if (blockTimer != null) {
				blockTimer.cancel(false);
			}
		}
		session.blockClient(null);
		pushes.close();
		if (session.subscribed()) {
			core.pubsub().leaveAll(session.subscriptions(), pushes);
		}
		session.subscriber(null);
		releaseInput();
		memory.closed(session.id());
		if (out != null) {
			out.release();
			out = null;
		}
		core.unregister(session);
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof VirtualMachineError) {
			// standalone, this halts the process; embedded, the event loop carries on
			core.fatalErrors()
				.report("serving client " + (session == null ? "?" : session.address()) + " (closed)", cause);
		}
		else if (!(cause instanceof java.io.IOException)) {
			log.log(System.Logger.Level.WARNING,
					"Closing client " + (session == null ? "?" : session.address()) + " after an unexpected error",
					cause);
		}
		ctx.close();
	}

	/** Bytes handed to the channel that the socket has not taken yet. */
	private static long unsent(ChannelHandlerContext ctx) {
		io.netty.channel.ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
		return buffer == null ? 0 : buffer.totalPendingWriteBytes();
	}

	private static String address(SocketAddress a) {
		if (a instanceof InetSocketAddress inet) {
			return inet.getAddress().getHostAddress() + ":" + inet.getPort();
		}
		return String.valueOf(a);
	}

}
