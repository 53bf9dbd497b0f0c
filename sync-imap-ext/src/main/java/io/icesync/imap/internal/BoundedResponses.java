package io.icesync.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ResponseInputStream;

/**
 * Reads server responses as Angus does (a line, and each {@code {n}} literal it announces, until a
 * line ends without one), with bounds: a line longer than {@code maxLine} bytes (literals aside), a
 * literal over {@code maxLiteral}, or a number that is not one, ends the connection with a
 * {@link TooLarge} before the bytes are held. Angus grows its buffer to whatever the server sends,
 * so a hostile or broken server could exhaust the heap.
 */
final class BoundedResponses extends ResponseInputStream {
    private static final int MIN_GROW = 256;

    /** What a server sent over a bound; the connection is unusable after it. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private final ResponseInputStream angus;
    private final InputStream in;
    private final long maxLine;
    private final long maxLiteral;
    private final java.util.function.Consumer<String> told;

    /**
     * Reads from the stream under Angus' {@code angus}, which holds the bytes it buffered; {@code told}
     * hears what went over a bound (Angus reports the failure as a lost connection).
     */
    BoundedResponses(ResponseInputStream angus, long maxLine, long maxLiteral, java.util.function.Consumer<String> told) {
        super(InputStream.nullInputStream());
        this.angus = angus;
        this.told = told;
        this.in = bufferedOf(angus);
        this.maxLine = maxLine;
        this.maxLiteral = maxLiteral;
    }

    private static InputStream bufferedOf(ResponseInputStream r) {
        try {
            Field f = ResponseInputStream.class.getDeclaredField("bin");
            f.setAccessible(true);
            return (InputStream) f.get(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Angus Mail has no ResponseInputStream.bin: response bounds cannot apply", e);
        }
    }

    /** Whether this reads what {@code r} buffers (Angus makes a new one after STARTTLS or COMPRESS). */
    boolean wraps(ResponseInputStream r) {
        return r == angus;
    }

    @Override
    public ByteArray readResponse() throws IOException {
        return readResponse(null);
    }

    @Override
    public ByteArray readResponse(ByteArray ba) throws IOException {
        if (ba == null) {
            ba = new ByteArray(new byte[128], 0, 128);
        }
        byte[] buf = ba.getBytes();
        int idx = 0;
        long line = 0;
        while (true) {
            boolean crlf = false;
            int b = 0;
            while (!crlf && (b = in.read()) != -1) {
                if (b == '\n' && idx > 0 && buf[idx - 1] == '\r') {
                    crlf = true;
                }
                if (++line > maxLine) {
                    throw tooLarge("a response line of more than " + maxLine + " bytes");
                }
                if (idx >= buf.length) {
                    ba.grow(Math.max(MIN_GROW, Math.min(buf.length, 1 << 20)));
                    buf = ba.getBytes();
                }
                buf[idx++] = (byte) b;
            }
            if (b == -1) {
                throw new IOException("Connection dropped by server?");
            }
            long count = literalAt(buf, idx);
            if (count < 0) {
                break;
            }
            if (count > maxLiteral) {
                throw tooLarge("a literal of " + count + " bytes, over the " + maxLiteral + " allowed");
            }
            int need = (int) count + 16 - (buf.length - idx);
            if (need > 0) {
                ba.grow(Math.max(MIN_GROW, need));
                buf = ba.getBytes();
            }
            for (int left = (int) count; left > 0;) {
                int n = in.read(buf, idx, left);
                if (n == -1) {
                    throw new IOException("Connection dropped by server?");
                }
                left -= n;
                idx += n;
            }
        }
        ba.setCount(idx);
        return ba;
    }

    private TooLarge tooLarge(String what) {
        told.accept(what);
        return new TooLarge(what);
    }

    /**
     * The size of the literal a line announces ({@code {n}} before its CRLF, or {@code ~{n}}), -1 when
     * it announces none. A brace holding something else than digits is not a literal, as for Angus.
     */
    private static long literalAt(byte[] buf, int end) {
        if (end < 5 || buf[end - 3] != '}') {
            return -1;
        }
        int open = end - 4;
        while (open >= 0 && buf[open] != '{') {
            open--;
        }
        if (open < 0 || open == end - 4) {
            return -1;
        }
        long n = 0;
        for (int i = open + 1; i < end - 3; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || n > Long.MAX_VALUE / 10 - 10) {
                return d < 0 || d > 9 ? -1 : Long.MAX_VALUE;
            }
            n = n * 10 + d;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}
