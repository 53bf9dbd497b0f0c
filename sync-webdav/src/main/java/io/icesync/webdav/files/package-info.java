/**
 * Documents folders (kind {@link io.icesync.core.FolderKind#DOCUMENTS}) synced two ways between
 * WebDAV collections ({@link io.icesync.webdav.files.WebDavFilesRemoteStore}) and a plain directory
 * tree ({@link io.icesync.webdav.files.FileTreeLocalStore}). The two stores pass file names to each
 * other through {@link io.icesync.webdav.files.DocumentNames}. Everything in
 * {@code io.icesync.webdav.files.internal} may change without notice.
 */
package io.icesync.webdav.files;
