/**
 * WebDAV client (F7): {@link io.icesync.webdav.WebDavClient} lists with PROPFIND, streams and
 * resumes downloads through a {@code .part} file guarded by If-Range, uploads under If-Match or
 * If-None-Match, and creates, moves, copies and deletes resources. Errors are typed
 * ({@link io.icesync.webdav.WebDavException} and its subclasses, plus the core's authentication,
 * connection and certificate errors). SmartAttach (F7.1): {@link io.icesync.webdav.SmartAttach} finds
 * the links SmartAttach left in a message or an event, {@link io.icesync.webdav.SmartAttachDownloader}
 * downloads them through the client. CalDAV/CardDAV and documents folders are in {@code dav} and
 * {@code files}. Everything under {@code internal} may change without notice.
 */
package io.icesync.webdav;
