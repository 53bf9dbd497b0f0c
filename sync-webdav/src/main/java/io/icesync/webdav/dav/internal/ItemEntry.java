package io.icesync.webdav.dav.internal;

/**
 * What the store remembers of one resource of a collection: the UID it was given, the ETag it had
 * then, its size (-1 until known) and the iCalendar or vCard UID it holds (null until seen).
 */
public record ItemEntry(long uid, String etag, long size, String objectUid) {

    public ItemEntry withSize(long newSize) {
        return new ItemEntry(uid, etag, newSize, objectUid);
    }

    public ItemEntry withObjectUid(String newObjectUid) {
        return new ItemEntry(uid, etag, size, newObjectUid);
    }
}
