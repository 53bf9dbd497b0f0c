package io.icesync.core;

/**
 * The role of a folder (RFC 6154 SPECIAL-USE, plus INBOX and the client-only Outbox).
 * Drafts is never synchronised and Outbox exists only on the client (F3.3).
 */
public enum SpecialUse {
    /** No special role. */
    NONE,
    /** The inbox. */
    INBOX,
    /** Drafts ({@code \Drafts}); never synchronised. */
    DRAFTS,
    /** Sent messages ({@code \Sent}). */
    SENT,
    /** Deleted items ({@code \Trash}). */
    TRASH,
    /** Spam ({@code \Junk}). */
    JUNK,
    /** Archived messages ({@code \Archive}). */
    ARCHIVE,
    /** Messages waiting to be sent; exists only on the client. */
    OUTBOX,
    /** A virtual folder of every message ({@code \All}). */
    ALL,
    /** A virtual folder of flagged messages ({@code \Flagged}). */
    FLAGGED;

    /**
     * Whether folders of this role are synchronised.
     *
     * @return false for the folders the guide excludes from synchronisation (Drafts, Outbox)
     */

    public boolean isSynced() {
        return this != DRAFTS && this != OUTBOX;
    }
}
