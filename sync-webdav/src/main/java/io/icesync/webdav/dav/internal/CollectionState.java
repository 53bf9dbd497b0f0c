package io.icesync.webdav.dav.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The numbering of one collection's resources. {@code uidValidity} is drawn once when the
 * collection is first seen and never changes; every new resource, and every new version of one,
 * takes {@code uidNext}. {@code modSeq} counts the changes seen, so that the cursor moves exactly
 * when the listing did. {@code ctag} (getctag or sync-token) lets an unchanged collection be skipped;
 * {@code syncToken} lets a changed one be asked only for what changed.
 */
public final class CollectionState {
    public long uidValidity;
    public long uidNext = 1;
    public long modSeq;
    /** Order of first sight: older collections keep their folder name when a newer one has the same display name. */
    public long seq;
    public String ctag;
    /** The sync-token (RFC 6578) the numbering is up to date with, when the collection offers sync-collection. */
    public String syncToken;
    /** Decoded href path of each resource -> what was last seen of it. */
    public Map<String, ItemEntry> items = new TreeMap<>();

    /** The href of the resource that carries {@code uid}, or null. */
    public String hrefOf(long uid) {
        for (Map.Entry<String, ItemEntry> e : items.entrySet()) {
            if (e.getValue().uid() == uid) {
                return e.getKey();
            }
        }
        return null;
    }

    public long takeUid() {
        return uidNext++;
    }
}
