package io.icesync.core.spi;

import java.io.IOException;
import java.io.InputStream;

/** Item content that can be read again from the start, so that a large item never sits whole in memory. */
@FunctionalInterface
public interface ContentSource {
    /**
     * Opens the content from its first byte; each call gives a new stream, which the caller closes.
     *
     * @return a stream of the item's bytes
     * @throws IOException when the content cannot be read
     */
    InputStream open() throws IOException;

}
