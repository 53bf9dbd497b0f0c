package io.icesync.core.xml;

/** A document over one of the reader's {@link XmlLimits}; the message names the limit and its value. */
public final class XmlLimitException extends UnreadableXmlException {
    private static final long serialVersionUID = 1L;

    /** Which of the limits was passed. */
    public enum Limit {
        /** {@link XmlLimits#maxBytes()} */
        MAX_BYTES,
        /** {@link XmlLimits#maxDepth()} */
        MAX_DEPTH
    }

    /** Which limit was passed. */
    private final Limit limit;

    /** The value of that limit: bytes for {@link Limit#MAX_BYTES}, elements for {@link Limit#MAX_DEPTH}. */
    private final int max;

    private XmlLimitException(Limit limit, int max, String message) {
        super(message);
        this.limit = limit;
        this.max = max;
    }

    static XmlLimitException size(int maxBytes) {
        return new XmlLimitException(Limit.MAX_BYTES, maxBytes,
                "the XML document is larger than the limit maxBytes = " + maxBytes + " bytes");
    }

    static XmlLimitException depth(int maxDepth, String path) {
        return new XmlLimitException(Limit.MAX_DEPTH, maxDepth,
                "the XML document nests deeper than the limit maxDepth = " + maxDepth + " elements, at " + path);
    }

    /**
     * Which of the limits the document passed.
     *
     * @return the limit, never null
     */
    public Limit limit() {
        return limit;
    }

    /**
     * The value of the limit that was passed.
     *
     * @return bytes for {@link Limit#MAX_BYTES}, nesting levels for {@link Limit#MAX_DEPTH}
     */
    public int max() {
        return max;
    }
}
