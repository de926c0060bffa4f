package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The transport follows the native transports' own availability checks: epoll first, then
 * kqueue, else NIO. (The Boot consumer build under cache-starter/src/it runs the server
 * on NIO with neither native jar present.)
 */
class ServerTransportTest {

	@Test
	void epollWinsWhereverItIsAvailable() {
		assertThat(ServerTransport.select(true, false)).isSameAs(ServerTransport.EPOLL);
		assertThat(ServerTransport.select(true, true)).isSameAs(ServerTransport.EPOLL);
		assertThat(ServerTransport.EPOLL.serverChannel()).isEqualTo(EpollServerSocketChannel.class);
		assertThat(ServerTransport.EPOLL.multiplexingApi()).isEqualTo("epoll");
	}

	@Test
	void kqueueIsChosenWhenItIsAvailableAndEpollIsNot() {
		assertThat(ServerTransport.select(false, true)).isSameAs(ServerTransport.KQUEUE);
		assertThat(ServerTransport.KQUEUE.serverChannel()).isEqualTo(KQueueServerSocketChannel.class);
		assertThat(ServerTransport.KQUEUE.multiplexingApi()).isEqualTo("kqueue");
	}

	@Test
	void nioWithoutANativeTransport() {
		assertThat(ServerTransport.select(false, false)).isSameAs(ServerTransport.NIO);
		assertThat(ServerTransport.NIO.serverChannel()).isEqualTo(NioServerSocketChannel.class);
		assertThat(ServerTransport.NIO.multiplexingApi()).isEqualTo("nio");
		assertThat(ServerTransport.NIO.ioHandlerFactory()).isNotNull();
	}

	@Test
	void onLinuxKqueueClassesWithoutTheirNativeLibraryReportUnavailableAndEpollIsChosen() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch");
		assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "Linux x86_64 only");
		assertThat(KQueue.isAvailable()).isFalse();
		assertThat(KQueue.unavailabilityCause()).isNotNull();
		assertThat(Epoll.isAvailable()).as("the engine's tests have the native epoll jar").isTrue();
		assertThat(ServerTransport.select()).isSameAs(ServerTransport.EPOLL);
		assertThat(ServerTransport.EPOLL.ioHandlerFactory()).isNotNull();
	}

}
