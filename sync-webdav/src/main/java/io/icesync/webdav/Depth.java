package io.icesync.webdav;

/** How far a PROPFIND reaches. Infinity is left out on purpose: servers often refuse it and it can be huge. */
public enum Depth {
    /** The resource itself. */
    ZERO("0"),
    /** The resource and, for a collection, its direct members. */
    ONE("1");

    private final String header;

    Depth(String header) {
        this.header = header;
    }

    /** {@return the value of the Depth header: 0, 1 or infinity} */
    public String header() {
        return header;
    }
}
