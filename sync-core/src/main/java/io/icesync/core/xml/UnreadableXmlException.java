package io.icesync.core.xml;

import java.io.IOException;

/**
 * A document {@link SafeDom} refuses to read: empty, not well-formed, declaring a DTD or entities, or
 * over one of its {@link XmlLimits} ({@link XmlLimitException}). The message says what and where.
 */
public class UnreadableXmlException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableXmlException(String message) {
        super(message);
    }

    public UnreadableXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
