package io.icesync.core;

import io.icesync.core.internal.engine.MessageIds;
import java.io.IOException;
import java.io.InputStream;

/** Header look-ups that stores and connectors share with the engine. */
public final class MessageHeaders {
    private MessageHeaders() {
    }

    /**
     * The Message-ID of a message or header block, reading no further than the header.
     *
     * @param message the message's bytes from its start; the caller closes it
     * @return the Message-ID with its angle brackets, or null if none
     * @throws IOException when reading {@code message} fails
     */

    public static String messageId(InputStream message) throws IOException {
        return MessageIds.read(message);
    }
}
