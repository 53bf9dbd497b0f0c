package io.icesync.client;

import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import java.time.Instant;
import java.util.List;

/**
 * What a profile folder says about its last sync, read without connecting (for {@code icesync status}
 * and for apps that show the state of a background sync).
 *
 * @param lastSync    when the last cycle ended, or null if none did
 * @param lastSummary that cycle's one-line summary, or null
 * @param lastOk      whether every folder synced in that cycle (null if none ran)
 * @param counters    that cycle's counters, e.g. "Downloaded 10/10, Uploaded 0/0, Internal 10/10", or null
 * @param folders     how many folders are synced
 * @param items       how many item pairs are synced
 * @param events      the last session-log events, oldest first (F11.2)
 * @param failures    items that failed, the ignored ones included (F11.3)
 */
public record ProfileStatus(Instant lastSync, String lastSummary, Boolean lastOk, String counters, int folders,
                            long items, List<SessionEvent> events, List<IgnoredItem> failures) {
}
