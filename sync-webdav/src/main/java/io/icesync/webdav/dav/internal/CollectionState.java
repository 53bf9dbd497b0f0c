package io.icesync.webdav.dav.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The numbering of one collection's resources. {@code uidValidity} is drawn once when the
 * collection is first seen and never changes; every new resource, and every new version of one,
 * takes {@code uidNext}. {@code modSeq} counts the changes seen, so that the cursor moves exactly
 * when the listing did. {@code ctag} (getctag or sync-token) lets an unchanged collection be skipped.
 */
public final class CollectionState {
    public long uidValidity;
    public long uidNext = 1;
    public long modSeq;
    /** Order of first sight: older collections keep their folder name when a newer one has the same display name. */
    public long seq;
    public String ctag;
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
