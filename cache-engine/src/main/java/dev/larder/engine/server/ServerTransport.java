package dev.larder.engine.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.kqueue.KQueueServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;

/**
 * The RESP server's Netty transport: native epoll (Linux) or kqueue (macOS, BSD) when the
 * application has the native jar for its platform on the classpath, JDK NIO otherwise.
 * The engine depends on the Java classes of both native transports, and only their
 * {@code isAvailable()} checks decide: each is false where its native library is missing
 * or cannot load, so no reflection or class-presence probing is needed.
 */
enum ServerTransport {

	EPOLL("epoll") {
		@Override
		IoHandlerFactory ioHandlerFactory() {
			return EpollIoHandler.newFactory();
		}

		@Override
		Class<? extends ServerChannel> serverChannel() {
			return EpollServerSocketChannel.class;
		}
	},

	KQUEUE("kqueue") {
		@Override
		IoHandlerFactory ioHandlerFactory() {
			return KQueueIoHandler.newFactory();
		}

		@Override
		Class<? extends ServerChannel> serverChannel() {
			return KQueueServerSocketChannel.class;
		}
	},

	NIO("nio") {
		@Override
		IoHandlerFactory ioHandlerFactory() {
			return NioIoHandler.newFactory();
		}

		@Override
		Class<? extends ServerChannel> serverChannel() {
			return NioServerSocketChannel.class;
		}
	};

	private final String multiplexingApi;

	ServerTransport(String multiplexingApi) {
		this.multiplexingApi = multiplexingApi;
	}

	/** The best transport this JVM can run. */
	static ServerTransport select() {
		return select(Epoll.isAvailable(), KQueue.isAvailable());
	}

	static ServerTransport select(boolean epollAvailable, boolean kqueueAvailable) {
		if (epollAvailable) {
			return EPOLL;
		}
		return kqueueAvailable ? KQUEUE : NIO;
	}

	/** Why this platform's native transport is not in use, for the log of a NIO start. */
	static String nativeUnavailableReason() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		boolean kqueuePlatform = os.contains("mac") || os.contains("bsd");
		Throwable cause = kqueuePlatform ? KQueue.unavailabilityCause() : Epoll.unavailabilityCause();
		return (kqueuePlatform ? "native kqueue" : "native epoll") + " unavailable: " + cause;
	}

	/** The name INFO reports as {@code multiplexing_api}, as Redis does. */
	String multiplexingApi() {
		return this.multiplexingApi;
	}

	/**
	 * A new factory of this transport's I/O handlers. Made only for the chosen transport:
	 * a native one's fails where its library is missing.
	 */
	abstract IoHandlerFactory ioHandlerFactory();

	abstract Class<? extends ServerChannel> serverChannel();

}
