package io.icesync.webdav.files.internal;

import io.icesync.webdav.DavResource;

/**
 * A file's version as a listing shows it: its ETag, or, from servers that list none (nginx), its
 * last-modified time and length. The second form misses an edit that keeps the length within the
 * same second: the server gives nothing finer.
 */
public final class DavVersions {
    private DavVersions() {
    }

    public static String of(DavResource r) {
        if (r.etag() != null && !r.etag().isBlank()) {
            return "etag:" + r.etag();
        }
        return "lm:" + (r.lastModified() == null ? "?" : r.lastModified().getEpochSecond()) + ":" + r.length();
    }
}
