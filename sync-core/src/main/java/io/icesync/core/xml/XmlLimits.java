package io.icesync.core.xml;

/**
 * How large and how deep a document {@link SafeDom} reads before refusing it: a bound on the memory a
 * hostile or broken server can make a client spend, and on the recursion of look-ups over the tree.
 *
 * @param maxBytes the most bytes a document may have
 * @param maxDepth the most elements that may nest, the root being depth 1
 */
public record XmlLimits(int maxBytes, int maxDepth) {
    /** 64 MiB and 100 levels: far above what a server's answer needs, far below what harms a client. */
    public static final XmlLimits DEFAULT = new XmlLimits(64 * 1024 * 1024, 100);

    /**
     * Checks the bounds.
     *
     * @param maxBytes the most bytes a document may have, 1 to {@code Integer.MAX_VALUE - 16}
     * @param maxDepth the most elements that may nest, at least 1
     * @throws IllegalArgumentException if a value is out of those bounds
     */
    public XmlLimits {
        // The reader takes one byte past the limit to see it is passed: the array must stay possible.
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 16)
                    + ", got " + maxBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
    }

    /**
     * The same depth limit with another size limit.
     *
     * @param bytes the new size limit, as for {@link #maxBytes()}
     * @return a new instance
     * @throws IllegalArgumentException if {@code bytes} is out of bounds
     */
    public XmlLimits withMaxBytes(int bytes) {
        return new XmlLimits(bytes, maxDepth);
    }

    /**
     * The same size limit with another depth limit.
     *
     * @param depth the new depth limit, at least 1
     * @return a new instance
     * @throws IllegalArgumentException if {@code depth} is less than 1
     */
    public XmlLimits withMaxDepth(int depth) {
        return new XmlLimits(maxBytes, depth);
    }
}
