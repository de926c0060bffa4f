package dev.larder.engine.server;

import dev.larder.engine.command.EngineCore;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Redis's protected mode (clientAcceptHandler in networking.c): while it is on and the
 * default user needs no password, only clients on the loopback interface are served; any
 * other gets the DENIED error below and is closed, whatever address the engine is bound
 * to.
 */
final class ProtectedMode {

	/** Redis 7.0.15's reply, verbatim (its typo "Setup a an" included). */
	static final byte[] DENIED = ("-DENIED Redis is running in protected mode because protected mode is enabled and "
			+ "no password is set for the default user. In this mode connections are only accepted from the "
			+ "loopback interface. If you want to connect from external computers to Redis you may adopt one of "
			+ "the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET "
			+ "protected-mode no' from the loopback interface by connecting to Redis from the same host the server "
			+ "is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use "
			+ "CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected "
			+ "mode by editing the Redis configuration file, and setting the protected mode option to 'no', and "
			+ "then restarting the server. 3) If you started the server manually just for testing, restart it with "
			+ "the '--protected-mode no' option. 4) Setup a an authentication password for the default user. "
			+ "NOTE: You only need to do one of the above things in order for the server to start accepting "
			+ "connections from the outside.\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	private ProtectedMode() {
	}

	/** Whether a client connecting from {@code remote} is to be refused. */
	static boolean refuses(EngineCore core, SocketAddress remote) {
		return core.protectedMode() && core.acl().defaultUserNopass() && !isLocal(remote);
	}

	/**
	 * islocalClient: only 127.0.0.1 and ::1 count as local there (not the rest of
	 * 127.0.0.0/8); other socket types (in-process channels) are local.
	 */
	private static boolean isLocal(SocketAddress remote) {
		if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
			return true;
		}
		InetAddress address = inet.getAddress();
		return address instanceof Inet6Address ? address.isLoopbackAddress()
				: address.getHostAddress().equals("127.0.0.1");
	}

}
