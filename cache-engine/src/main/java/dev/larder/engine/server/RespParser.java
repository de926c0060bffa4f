package dev.larder.engine.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Incremental request parser following Redis's processMultibulkBuffer / processInlineBuffer: it keeps its
 * position inside a half-received multibulk across reads (no re-parsing), validates every header before
 * trusting it, and words its errors as Redis does. Limits: header lines and inline commands of at most
 * {@code maxInline} bytes, bulk strings of at most proto-max-bulk-len, and small frames until the client has
 * authenticated. Not thread-safe: one per connection.
 */
final class RespParser {

    private static final byte[][] EMPTY_COMMAND = new byte[0][];

    private final int maxInline;
    private final int maxMultibulk;
    private final java.util.function.LongSupplier maxBulk;
    private final BooleanSupplier authRequired;

    private int multibulkRemaining;
    private byte[][] args;
    private int argCount;
    private long bulkLen = -1;
    private long pendingArgBytes;
    private final byte[] digits = new byte[20];
    private final long[] number = new long[1];

    RespParser(int maxInline, int maxMultibulk, java.util.function.LongSupplier maxBulk,
            BooleanSupplier authRequired) {
        this.maxInline = maxInline;
        this.maxMultibulk = maxMultibulk;
        this.maxBulk = maxBulk;
        this.authRequired = authRequired;
    }

    /** Bytes of arguments already parsed for the command in progress (counts toward the query buffer limit). */
    long pendingArgBytes() {
        return pendingArgBytes;
    }

    /**
     * Parses the next command from {@code in}. Returns null when more input is needed, an empty array for an
     * empty command (which Redis ignores), or the arguments.
     */
    byte[][] parse(ByteBuf in) throws ProtocolException {
        if (multibulkRemaining == 0) {
            if (!in.isReadable()) {
                return null;
            }
            if (in.getByte(in.readerIndex()) != '*') {
                return parseInline(in);
            }
            int cr = in.forEachByte(ByteProcessor.FIND_CR);
            if (cr < 0 || cr + 1 >= in.writerIndex()) {
                if (in.readableBytes() > maxInline) {
                    throw new ProtocolException("too big mbulk count string");
                }
                return null;
            }
            long count = parseNumber(in, in.readerIndex() + 1, cr);
            if (count == Long.MIN_VALUE || count > Integer.MAX_VALUE || count > maxMultibulk) {
                throw new ProtocolException("invalid multibulk length");
            }
            if (count > 10 && authRequired.getAsBoolean()) {
                throw new ProtocolException("unauthenticated multibulk length");
            }
            in.readerIndex(cr + 2);
            if (count <= 0) {
                return EMPTY_COMMAND;
            }
            multibulkRemaining = (int) count;
            args = new byte[(int) Math.min(count, 1024)][];
            argCount = 0;
            pendingArgBytes = 0;
        }
        while (multibulkRemaining > 0) {
            if (bulkLen == -1) {
                int cr = in.forEachByte(ByteProcessor.FIND_CR);
                if (cr < 0 || cr + 1 >= in.writerIndex()) {
                    if (in.readableBytes() > maxInline) {
                        throw new ProtocolException("too big bulk count string");
                    }
                    return null;
                }
                byte first = in.getByte(in.readerIndex());
                if (first != '$') {
                    throw new ProtocolException("expected '$', got '" + (char) (first & 0xff) + "'");
                }
                long len = parseNumber(in, in.readerIndex() + 1, cr);
                if (len == Long.MIN_VALUE || len < 0 || len > maxBulk.getAsLong()) {
                    throw new ProtocolException("invalid bulk length");
                }
                if (len > 16384 && authRequired.getAsBoolean()) {
                    throw new ProtocolException("unauthenticated bulk length");
                }
                in.readerIndex(cr + 2);
                bulkLen = len;
            }
            if (in.readableBytes() < bulkLen + 2) {
                return null;
            }
            byte[] arg = new byte[(int) bulkLen];
            in.readBytes(arg);
            in.skipBytes(2); // Redis does not check that these are CRLF either
            if (argCount == args.length) {
                args = Arrays.copyOf(args, (int) Math.min((long) args.length * 2, argCount + multibulkRemaining));
            }
            args[argCount++] = arg;
            pendingArgBytes += arg.length + 16;
            bulkLen = -1;
            multibulkRemaining--;
        }
        byte[][] command = argCount == args.length ? args : Arrays.copyOf(args, argCount);
        args = null;
        pendingArgBytes = 0;
        return command;
    }

    private byte[][] parseInline(ByteBuf in) throws ProtocolException {
        int lf = in.forEachByte(ByteProcessor.FIND_LF);
        if (lf < 0) {
            if (in.readableBytes() > maxInline) {
                throw new ProtocolException("too big inline request");
            }
            return null;
        }
        int end = lf;
        if (end > in.readerIndex() && in.getByte(end - 1) == '\r') {
            end--;
        }
        byte[] line = new byte[end - in.readerIndex()];
        in.getBytes(in.readerIndex(), line);
        byte[][] argv = InlineSplitter.split(line);
        if (argv == null) {
            throw new ProtocolException("unbalanced quotes in request");
        }
        in.readerIndex(lf + 1);
        return argv;
    }

    /** Redis's string2ll over the header digits; Long.MIN_VALUE when they are not a valid number. */
    private long parseNumber(ByteBuf in, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > digits.length) {
            return Long.MIN_VALUE;
        }
        in.getBytes(from, digits, 0, len);
        if (!dev.larder.engine.keyspace.Bytes.parseLong(digits, len, number) || number[0] == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return number[0];
    }
}
