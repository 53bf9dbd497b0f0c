package io.icesync.webdav.dav.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a number of bytes, then fails: an answer larger than a batch can hold is refused, not buffered. */
final class CappedStream extends FilterInputStream {
    /** The stream went past its limit. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLongException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    /** Whether the failure comes from a CappedStream, however deep the parser wrapped it. */
    static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLongException) {
                return true;
            }
        }
        return false;
    }

    private final long limit;
    private long read;

    CappedStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    @Override
    public void close() throws IOException {
        // Past the limit, closing the client's stream would read the rest to reuse the connection:
        // leave it to the response's close, which drops the connection instead.
        if (read <= limit) {
            super.close();
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws TooLongException {
        read += n;
        if (read > limit) {
            throw new TooLongException(limit);
        }
    }
}
