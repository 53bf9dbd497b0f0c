package io.icesync.webdav;

import java.net.URI;
import java.time.Instant;

/**
 * One resource as a PROPFIND describes it.
 *
 * @param href         the absolute URL the server named it by
 * @param path         the path relative to the client's base, percent-decoded; a collection's ends with '/', the base itself is ""
 * @param collection   whether it is a collection (a folder)
 * @param etag         the entity tag exactly as the server sent it (quotes included, ready for If-Match), or null
 * @param length       the size in bytes, or -1 when the server did not say (collections)
 * @param lastModified the last modification time, or null
 * @param contentType  the media type, or null
 * @param displayName  the display name, or null
 */
public record DavResource(URI href, String path, boolean collection, String etag, long length, Instant lastModified,
        String contentType, String displayName) {

    /** {@return the last segment of the path, without the trailing '/' of a collection} */
    public String name() {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
