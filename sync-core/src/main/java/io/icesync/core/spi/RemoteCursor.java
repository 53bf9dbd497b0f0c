package io.icesync.core.spi;

/**
 * Where the last sync of a folder left the server: its UIDVALIDITY, HIGHESTMODSEQ (0 when the
 * server has no CONDSTORE) and UIDNEXT. A server item's identity is (folder, uidValidity, uid).
 *
 * @param uidValidity   the folder's UIDVALIDITY; a new value means every UID changed
 * @param highestModSeq the folder's HIGHESTMODSEQ, or 0 without CONDSTORE
 * @param uidNext       the UID the next new item will get at least
 */

public record RemoteCursor(long uidValidity, long highestModSeq, long uidNext) {
}
