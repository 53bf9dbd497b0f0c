/**
 * WebDAV client (F7): {@link io.icesync.webdav.WebDavClient} lists with PROPFIND, streams and
 * resumes downloads through a {@code .part} file guarded by If-Range, uploads under If-Match or
 * If-None-Match, and creates, moves, copies and deletes resources. Errors are typed
 * ({@link io.icesync.webdav.WebDavException} and its subclasses, plus the core's authentication,
 * connection and certificate errors). Everything under {@code internal} may change without notice.
 */
package io.icesync.webdav;
