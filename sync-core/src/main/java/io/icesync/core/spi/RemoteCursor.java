package io.icesync.core.spi;

/**
 * Where the last sync of a folder left the server: its UIDVALIDITY, HIGHESTMODSEQ (0 when the
 * server has no CONDSTORE) and UIDNEXT. A server item's identity is (folder, uidValidity, uid).
 */
public record RemoteCursor(long uidValidity, long highestModSeq, long uidNext) {
}
