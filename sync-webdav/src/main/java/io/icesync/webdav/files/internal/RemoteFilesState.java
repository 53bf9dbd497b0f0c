package io.icesync.webdav.files.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code WebDavFilesRemoteStore} keeps between runs, per collection (its path relative to the
 * base, "" for the base itself, else ending with '/'). Public fields for Jackson.
 */
public final class RemoteFilesState {
    public Map<String, Collection> collections = new TreeMap<>();

    /** One collection: the UIDs it handed out and the version each file had when it got its UID. */
    public static final class Collection {
        public long uidValidity;
        public long uidNext = 1;
        /** Grows on every change of the listing, deletions included, so the cursor moves with them. */
        public long modSeq;
        public Map<String, Entry> files = new TreeMap<>();
        /** Uploads parked under another name because theirs was taken: parked name -> wanted name. */
        public Map<String, String> claims = new TreeMap<>();

        public String nameOf(long uid) {
            for (Map.Entry<String, Entry> e : files.entrySet()) {
                if (e.getValue().uid == uid) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    /** A file's UID and its version (ETag, else last-modified and length) with the ETag for If-Match. */
    public static final class Entry {
        public long uid;
        public String version;
        public String etag;

        public Entry() {
        }

        public Entry(long uid, String version, String etag) {
            this.uid = uid;
            this.version = version;
            this.etag = etag;
        }
    }
}
