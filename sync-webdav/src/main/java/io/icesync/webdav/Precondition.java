package io.icesync.webdav;

import java.util.Objects;

/**
 * The condition a write depends on, so that two clients never silently overwrite each other's work:
 * a failed condition raises {@link PreconditionFailedException}.
 */
public final class Precondition {
    private static final Precondition NONE = new Precondition(null, false);
    private static final Precondition CREATE_ONLY = new Precondition(null, true);

    private final String ifMatch;
    private final boolean createOnly;

    private Precondition(String ifMatch, boolean createOnly) {
        this.ifMatch = ifMatch;
        this.createOnly = createOnly;
    }

    /** {@return the precondition that writes whatever is there (last writer wins)} */
    public static Precondition none() {
        return NONE;
    }

    /** {@return the precondition that writes only if nothing exists at the path yet (If-None-Match: *)} */
    public static Precondition createOnly() {
        return CREATE_ONLY;
    }

    /**
     * Write only if the resource still has this entity tag, as read from the server (If-Match).
     *
     * @param etag the entity tag, quotes included, as the server sent it
     * @return the precondition
     */
    public static Precondition ifMatch(String etag) {
        Objects.requireNonNull(etag, "etag");
        if (etag.isBlank()) {
            throw new IllegalArgumentException("an empty ETag matches nothing");
        }
        return new Precondition(etag, false);
    }

    /** {@return the If-Match value, or null} */
    public String ifMatch() {
        return ifMatch;
    }

    /** {@return whether If-None-Match: * is sent} */
    public boolean isCreateOnly() {
        return createOnly;
    }

    @Override
    public String toString() {
        return createOnly ? "create only" : ifMatch == null ? "none" : "if match " + ifMatch;
    }
}
