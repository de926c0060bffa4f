package dev.larder.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately dumb RESP2/RESP3 client over a plain socket: it writes exactly what the
 * test asks (including malformed or split frames) and reads replies into {@link Resp}
 * trees. Used against the engine and a real redis-server alike.
 */
public final class RespClient implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	public RespClient(int port) {
		this("127.0.0.1", port, 10_000);
	}

	public RespClient(String host, int port, int readTimeoutMillis) {
		try {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(host, port), 5_000);
			socket.setSoTimeout(readTimeoutMillis);
			in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
			out = socket.getOutputStream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] encode(byte[]... args) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		for (byte[] a : args) {
			b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			b.writeBytes(a);
			b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return b.toByteArray();
	}

	public static byte[] encode(String... args) {
		return encode(toBytes(args));
	}

	public static byte[][] toBytes(String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return bytes;
	}

	public Resp call(String... args) {
		send(encode(args));
		return read();
	}

	public Resp call(byte[]... args) {
		send(encode(args));
		return read();
	}

	public void send(byte[] raw) {
		try {
			out.write(raw);
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void send(String raw) {
		send(raw.getBytes(StandardCharsets.ISO_8859_1));
	}

	public Resp read() {
		try {
			return readValue();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * True once the server has closed the connection (reads EOF within the socket
	 * timeout).
	 */
	public boolean isClosedByServer() {
		try {
			return in.read() == -1;
		}
		catch (IOException e) {
			return true;
		}
	}

	private Resp readValue() throws IOException {
		int type = in.read();
		if (type == -1) {
			throw new EOFException("connection closed");
		}
		String line = readLine();
		switch (type) {
			case '+', '-', ':', ',', '#', '(' -> {
				return new Resp((char) type, line, null);
			}
			case '_' -> {
				return new Resp('_', null, null);
			}
			case '$', '=', '!' -> {
				int len = Integer.parseInt(line);
				if (len < 0) {
					return new Resp((char) type, null, null);
				}
				byte[] data = in.readNBytes(len);
				if (data.length < len) {
					throw new EOFException("short bulk");
				}
				readLine();
				return new Resp((char) type, new String(data, StandardCharsets.ISO_8859_1), null);
			}
			case '*', '~', '>', '%', '|' -> {
				int len = Integer.parseInt(line);
				if (len < 0) {
					return new Resp((char) type, null, null);
				}
				int n = type == '%' || type == '|' ? len * 2 : len;
				List<Resp> items = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					items.add(readValue());
				}
				return new Resp((char) type, String.valueOf(len), items);
			}
			default -> throw new IOException("unexpected RESP type byte " + type + " line " + line);
		}
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		while (true) {
			int c = in.read();
			if (c == -1) {
				throw new EOFException("connection closed mid-line");
			}
			if (c == '\r') {
				int lf = in.read();
				if (lf != '\n') {
					throw new IOException("CR not followed by LF");
				}
				return b.toString(StandardCharsets.ISO_8859_1);
			}
			b.write(c);
		}
	}

	@Override
	public void close() {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closing
		}
	}

}
