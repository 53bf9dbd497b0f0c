package io.icesync.core.xml;

import java.io.IOException;

/**
 * A document {@link SafeDom} refuses to read: empty, not well-formed, declaring a DTD or entities, or
 * over one of its {@link XmlLimits} ({@link XmlLimitException}). The message says what and where.
 */
public class UnreadableXmlException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal described by {@code message}.
     *
     * @param message what was refused and where
     */
    public UnreadableXmlException(String message) {
        super(message);
    }

    /**
     * A refusal caused by a parser or stream failure.
     *
     * @param message what was refused and where
     * @param cause the underlying failure
     */
    public UnreadableXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
