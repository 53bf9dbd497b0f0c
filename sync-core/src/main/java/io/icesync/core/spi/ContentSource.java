package io.icesync.core.spi;

import java.io.IOException;
import java.io.InputStream;

/** Item content that can be read again from the start, so that a large item never sits whole in memory. */
@FunctionalInterface
public interface ContentSource {
    InputStream open() throws IOException;
}
