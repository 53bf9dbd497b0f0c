package io.icesync.core.spi;

import io.icesync.core.Flags;
import java.io.IOException;
import java.io.InputStream;

/** Receives downloaded items one at a time; the stream is valid only during the call. */
@FunctionalInterface
public interface ItemSink {
    /**
     * Receives one downloaded item.
     *
     * @param item    the item's listing data (flags as of the download); its {@link RemoteItem#name()},
     *                when null, is taken from the item as it was asked for
     * @param partial true when only the headers were fetched (F4.6)
     * @param content the item's bytes; read it to the end or not, but not after returning
     * @throws IOException when reading {@code content} or storing it fails
     */
    void accept(RemoteItem item, boolean partial, InputStream content) throws IOException;

    /**
     * Called instead of {@link #accept} for an item that could not be fetched (gone, or the server
     * refused). The default ignores it.
     *
     * @param uid   the item's UID
     * @param cause why it could not be fetched
     */
    default void failed(long uid, Exception cause) {
    }

    /**
     * Convenience for building items whose flags are known.
     *
     * @param uid   the item's UID
     * @param flags its flags and keywords
     * @param size  its size in bytes
     * @return an item without date, Message-ID or name
     */

    static RemoteItem item(long uid, Flags flags, long size) {
        return new RemoteItem(uid, flags, size, null, null);
    }
}
