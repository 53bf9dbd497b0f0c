package io.icesync.core.internal.engine;

import io.icesync.core.spi.ContentSource;
import java.io.IOException;
import java.io.InputStream;

/** A content source whose first stream was opened ahead; later reads (a retry) open it again. */
final class OpenedOnce implements ContentSource, AutoCloseable {
    private final ContentSource again;
    private InputStream first;

    OpenedOnce(InputStream first, ContentSource again) {
        this.first = first;
        this.again = again;
    }

    @Override
    public synchronized InputStream open() throws IOException {
        InputStream in = first;
        first = null;
        return in != null ? in : again.open();
    }

    /** Closes the first stream if nobody took it. */
    @Override
    public synchronized void close() {
        if (first != null) {
            try {
                first.close();
            } catch (IOException e) {
                // nothing was read from it
            }
            first = null;
        }
    }
}
