package io.icesync.core.spi;

import java.io.IOException;

/**
 * Thrown by a content stream a {@link RemoteStore} hands to an {@link ItemSink} when the network
 * breaks in the middle of it: no fault of the item. The engine stops the cycle there and fetches the
 * item again in the next one, instead of counting a failure that three cuts would make permanent.
 */
public class ContentInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what broke, without credentials or content
     * @param cause   the network error underneath
     */
    public ContentInterruptedException(String message, Throwable cause) {

        super(message, cause);
    }
}
