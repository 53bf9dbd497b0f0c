package io.icesync.webdav.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that must be exactly the announced length: a file that grew or shrank while it was
 * sent (an app still writing it) fails the request before its last bytes go out, so the server
 * never keeps a cut copy, and the next cycle sends the file as it is then.
 */
public final class ExactLength extends FilterInputStream {
    /** The content did not have the announced length. */
    public static final class MismatchException extends IOException {
        MismatchException(String message) {
            super(message);
        }
    }

    private final long length;
    private long read;

    public ExactLength(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            if (read < length) {
                throw new MismatchException("the content ended after " + read + " of the " + length + " bytes announced");
            }
            return n;
        }
        read += n;
        if (read > length) {
            throw new MismatchException("the content is longer than the " + length + " bytes announced");
        }
        if (read == length && super.read() >= 0) {
            throw new MismatchException("the content is longer than the " + length + " bytes announced");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("not skippable");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
