package dev.larder.engine.server;

import dev.larder.engine.FatalErrors;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The RESP listener: one acceptor thread, {@code ioThreads} event loops that parse,
 * execute and reply. It uses Netty's native epoll (Linux) or kqueue (macOS) transport
 * when that transport's native jar is on the classpath (no JDK selector bookkeeping per
 * wake-up), and JDK NIO otherwise: see {@link ServerTransport}.
 */
public final class RespServer implements AutoCloseable {

	private static final System.Logger log = System.getLogger(RespServer.class.getName());

	private final EventLoopGroup boss;

	private final EventLoopGroup workers;

	/** The plain listener; null when only TLS is served. */
	private final @Nullable Channel serverChannel;

	/** The TLS listener (Redis's tls-port); null without one. */
	private final @Nullable Channel tlsChannel;

	private final String transport;

	private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	/** Set once close() begins: event loops ending after it are expected to. */
	private volatile boolean closing;

	private RespServer(EngineCore core, CommandExecutor executor) {
		ServerTransport chosen = ServerTransport.select();
		IoHandlerFactory io = chosen.ioHandlerFactory();
		Class<? extends ServerChannel> channel = chosen.serverChannel();
		if (chosen != ServerTransport.NIO) {
			log.log(System.Logger.Level.INFO, "RESP transport: native {0}, {1} I/O threads", chosen.multiplexingApi(),
					core.config().ioThreads());
		}
		else {
			log.log(System.Logger.Level.INFO, "RESP transport: JDK NIO, {0} I/O threads ({1})",
					core.config().ioThreads(), ServerTransport.nativeUnavailableReason());
		}
		transport = chosen.multiplexingApi();
		core.introspection().multiplexingApi(transport);
		FatalErrors fatal = core.fatalErrors();
		boss = new MultiThreadIoEventLoopGroup(1, EventLoopThreads.factory("larder-accept", fatal), io);
		workers = new MultiThreadIoEventLoopGroup(core.config().ioThreads(),
				EventLoopThreads.factory("larder-io", fatal), io);
		EventLoopThreads.watch(boss, "larder-accept", () -> closing, fatal);
		EventLoopThreads.watch(workers, "larder-io", () -> closing, fatal);
		// All connections together may buffer at most a quarter of the heap, whatever
		// maxmemory-clients says.
		ClientMemory memory = new ClientMemory(core, Math.max(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4));
		TrafficCounter traffic = new TrafficCounter(core.introspection());
		Channel plain = null;
		try {
			ServerBootstrap b = new ServerBootstrap().group(boss, workers)
				.channel(channel)
				.option(ChannelOption.SO_BACKLOG, 1024)
				.option(ChannelOption.SO_REUSEADDR, true)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024));
			if (core.config().hasPort()) {
				plain = bind(b.clone().childHandler(connections(core, executor, memory, traffic, null)),
						core.config().bind(), core.config().port());
				core.boundPort(((InetSocketAddress) plain.localAddress()).getPort());
			}
			serverChannel = plain;
			var tls = core.config().tls();
			if (core.config().hasTlsPort() && tls != null) {
				SslContext context = ServerTls.context(tls);
				tlsChannel = bind(b.clone().childHandler(connections(core, executor, memory, traffic, context)),
						core.config().bind(), core.config().tlsPort());
				core.boundTlsPort(((InetSocketAddress) tlsChannel.localAddress()).getPort());
			}
			else {
				tlsChannel = null;
			}
		}
		catch (RuntimeException e) {
			closing = true;
			if (plain != null) {
				plain.close().syncUninterruptibly();
			}
			boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
			workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
			throw e;
		}
	}

	private ChannelInitializer<SocketChannel> connections(EngineCore core, CommandExecutor executor,
			ClientMemory memory, TrafficCounter traffic, @Nullable SslContext tls) {
		return new ChannelInitializer<>() {
			@Override
			protected void initChannel(SocketChannel ch) {
				clients.add(ch);
				if (tls != null) {
					// first: the traffic counter behind it counts the RESP bytes, as
					// Redis's net_input_bytes does
					ch.pipeline().addLast(tls.newHandler(ch.alloc()));
					ch.pipeline().addLast(TlsHandshakeFailures.INSTANCE);
				}
				ch.pipeline().addLast(traffic);
				ch.pipeline().addLast(new RespConnectionHandler(core, executor, memory));
			}
		};
	}

	private static Channel bind(ServerBootstrap bootstrap, String host, int port) {
		ChannelFuture bound = bootstrap.bind(new InetSocketAddress(host, port));
		return bound.syncUninterruptibly().channel();
	}

	public static RespServer start(EngineCore core, CommandExecutor executor) {
		return new RespServer(core, executor);
	}

	/** "epoll", "kqueue" or "nio": the transport the server runs on. */
	public String transport() {
		return transport;
	}

	/** The plain listener's port, or -1 when only TLS is served. */
	public int port() {
		Channel channel = serverChannel;
		return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
	}

	/** The TLS listener's port, or -1 without one. */
	public int tlsPort() {
		Channel channel = tlsChannel;
		return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
	}

	/**
	 * Stops accepting, then closes each connection after its already-produced replies are
	 * flushed (the flush marker is queued on the connection's event loop, behind the
	 * command it may be running).
	 */
	@Override
	public void close() {
		closing = true;
		if (serverChannel != null) {
			serverChannel.close().syncUninterruptibly();
		}
		if (tlsChannel != null) {
			tlsChannel.close().syncUninterruptibly();
		}
		for (Channel ch : clients) {
			ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
		}
		clients.newCloseFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
		clients.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
		workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
		boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

}
