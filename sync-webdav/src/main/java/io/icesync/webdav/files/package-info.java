/**
 * Documents folders (kind {@link io.icesync.core.FolderKind#DOCUMENTS}) synced two ways between
 * WebDAV collections ({@link io.icesync.webdav.files.WebDavFilesRemoteStore}) and a plain directory
 * tree ({@link io.icesync.webdav.files.FileTreeLocalStore}). File names cross between them through
 * the engine as the name hints of the SPI ({@link io.icesync.core.spi.RemoteItem#name()} to
 * {@code LocalStore.add}, {@link io.icesync.core.spi.LocalItem#name()} to {@code RemoteStore.append}).
 * Everything in {@code io.icesync.webdav.files.internal} may change without notice.
 */
package io.icesync.webdav.files;
