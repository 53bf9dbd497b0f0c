/**
 * The IMAP {@link io.icesync.core.spi.RemoteStore}: {@link io.icesync.imap.ImapRemoteStore} on Angus
 * Mail, with QRESYNC / CONDSTORE deltas, chunked downloads of large messages, UID EXPUNGE, ACL rights,
 * Kolab folder types from METADATA (or a folder-name map and the user's overrides) and IceWarp's
 * extensions. Everything in {@code io.icesync.imap.internal} may change without notice.
 */
package io.icesync.imap;
