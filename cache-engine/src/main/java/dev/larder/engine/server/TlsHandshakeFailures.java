package dev.larder.engine.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;

/**
 * Sits behind the SslHandler of a TLS connection and closes it quietly when the handshake
 * fails: a client speaking plain RESP to the TLS port, an untrusted or missing client
 * certificate, no common protocol. Redis logs these at its verbose level only, so a port
 * scanner cannot fill the log; the SslHandler has released what it buffered by then.
 */
@ChannelHandler.Sharable
final class TlsHandshakeFailures extends ChannelInboundHandlerAdapter {

	static final TlsHandshakeFailures INSTANCE = new TlsHandshakeFailures();

	private static final System.Logger log = System.getLogger(TlsHandshakeFailures.class.getName());

	private TlsHandshakeFailures() {
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (event instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
			log.log(System.Logger.Level.DEBUG, "TLS handshake with {0} failed: {1}", ctx.channel().remoteAddress(),
					done.cause());
			ctx.close();
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof SSLException
				|| cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
			log.log(System.Logger.Level.DEBUG, "Closing TLS client {0}: {1}", ctx.channel().remoteAddress(), cause);
			ctx.close();
			return;
		}
		ctx.fireExceptionCaught(cause);
	}

}
