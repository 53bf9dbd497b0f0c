package io.icesync.client;

/**
 * What one run of the signature sync did (F10.6). In a conflict (both sides changed since the last
 * sync, to different signatures) the profile's {@code conflictPolicy} chooses, and the losing
 * signature is kept in {@code signature.conflict.html} beside the profile's {@code signature.html}.
 */
public enum SignatureOutcome {
    /** Both sides already held the same signature. */
    UNCHANGED,
    /** The server's signature was written into the profile's files. */
    PULLED,
    /** The profile's signature was written to the server. */
    PUSHED,
    /** Both sides changed; the server's signature was kept (SERVER_WINS, or the server's is locked). */
    CONFLICT_SERVER_KEPT,
    /** Both sides changed; the profile's signature was written to the server (CLIENT_WINS). */
    CONFLICT_LOCAL_KEPT,
    /** The server offers no signature through IceWarp's XML API (a Dovecot, for instance). */
    NOT_AVAILABLE
}
