/**
 * CalDAV (RFC 4791) and CardDAV (RFC 6352) as a {@link io.icesync.core.spi.RemoteStore}: calendars,
 * task lists and address books become folders, each calendar object or vCard an item, so that the
 * sync engine syncs them with any such server. Entry point: {@link io.icesync.webdav.dav.DavRemoteStore}.
 */
package io.icesync.webdav.dav;
