package io.icesync.webdav.dav.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/** Everything the store keeps between runs: one {@link CollectionState} per collection href. */
public final class StoreState {
    public int format = 1;
    public long nextSeq = 1;
    public Map<String, CollectionState> collections = new TreeMap<>();

    /** The state of a collection, made (with a fresh UIDVALIDITY) the first time it is seen. */
    public CollectionState collection(String href) {
        CollectionState c = collections.get(href);
        if (c == null) {
            c = new CollectionState();
            // 31 bits: the value travels through code written for IMAP's unsigned 32-bit UIDVALIDITY.
            c.uidValidity = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
            c.seq = nextSeq++;
            collections.put(href, c);
        }
        return c;
    }
}
