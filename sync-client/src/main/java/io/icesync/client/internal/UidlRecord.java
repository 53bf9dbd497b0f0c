package io.icesync.client.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a GroupWare profile remembers of its POP3 mailbox (F10.3): the UIDL of every message already in
 * the local INBOX with the time it came, and the UIDLs whose download was under way when the process
 * stopped. Every write is durable when the call returns.
 */
public interface UidlRecord {
    /** The messages already stored locally, UIDL to download time. */
    Map<String, Instant> fetched();

    /** UIDLs announced by {@link #intend} and never {@link #record recorded}: a kill came in between. */
    Set<String> pending();

    /** Whether the first sync (F4.8) was settled: false for a profile that never read its POP3 mailbox. */
    boolean started();

    /** The first sync is settled: the local INBOX's earlier mail was dealt with. */
    void begin();

    /** The download of {@code uidl} starts: written before the message file. */
    void intend(String uidl);

    /** {@code uidl} is durably in the INBOX: it is never downloaded again. */
    void record(String uidl, Instant fetchedAt);

    /** Forgets every UIDL not in {@code uidls} (the server no longer has those messages). */
    void keepOnly(Set<String> uidls);
}
