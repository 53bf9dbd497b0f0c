package io.icesync.core;

import io.icesync.core.internal.engine.MessageIds;
import java.io.IOException;
import java.io.InputStream;

/** Header look-ups that stores and connectors share with the engine. */
public final class MessageHeaders {
    private MessageHeaders() {
    }

    /** The Message-ID (with its angle brackets) of a message or header block, reading no further than the header; null if none. */
    public static String messageId(InputStream message) throws IOException {
        return MessageIds.read(message);
    }
}
