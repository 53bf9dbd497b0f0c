package io.icesync.client;

/**
 * One service of a profile as {@link IceSync#status(java.nio.file.Path, int)} shows it, read from the
 * state file without connecting.
 *
 * @param name     {@code mail}, {@code dav} (or {@code caldav} and {@code carddav} on two servers), {@code documents}
 * @param syncs    what it syncs, e.g. "mail over IMAP", "documents over WebDAV"
 * @param server   where: the IMAP endpoint or the URL ("found from the domain" for a DAV server looked up at each open)
 * @param local    the folder of the profile its items are in, e.g. {@code mail/}
 * @param folders  how many folders it has synced
 * @param items    how many item pairs it has synced
 * @param failures how many of its items failed, the ignored ones included
 */
public record ServiceStatus(String name, String syncs, String server, String local, int folders, long items,
                            int failures) {
}
