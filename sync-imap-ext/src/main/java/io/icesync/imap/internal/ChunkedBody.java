package io.icesync.imap.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A large message read in parts ({@code BODY.PEEK[]<offset.length>}), one part in memory at a
 * time, so that a 200 MB message never sits whole in the heap (PITFALL 8).
 */
final class ChunkedBody extends InputStream {
    /** Fetches up to {@code length} bytes from {@code offset}; an empty or short array ends the message. */
    interface Part {
        byte[] fetch(long offset, int length) throws IOException;
    }

    private final Part part;
    private final int chunk;
    private byte[] buf = new byte[0];
    private int pos;
    private long offset;
    private boolean last;

    ChunkedBody(Part part, int chunk) {
        this.part = part;
        this.chunk = chunk;
    }

    private boolean fill() throws IOException {
        while (pos >= buf.length) {
            if (last) {
                return false;
            }
            buf = part.fetch(offset, chunk);
            pos = 0;
            offset += buf.length;
            last = buf.length < chunk;
        }
        return true;
    }

    /** Loads the first part; false when the message has no content (it vanished), so that it is not stored empty. */
    boolean start() throws IOException {
        return fill();
    }

    @Override
    public int read() throws IOException {
        return fill() ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buf.length - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }
}
