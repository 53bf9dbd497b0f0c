package io.icesync.core;

/**
 * The role of a folder (RFC 6154 SPECIAL-USE, plus INBOX and the client-only Outbox).
 * Drafts is never synchronised and Outbox exists only on the client (F3.3).
 */
public enum SpecialUse {
    NONE, INBOX, DRAFTS, SENT, TRASH, JUNK, ARCHIVE, OUTBOX, ALL, FLAGGED;

    /** False for the folders the guide excludes from synchronisation. */
    public boolean isSynced() {
        return this != DRAFTS && this != OUTBOX;
    }
}
