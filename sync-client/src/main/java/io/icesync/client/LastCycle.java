package io.icesync.client;

import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.UnsyncedFolder;
import java.time.Instant;
import java.util.List;

/**
 * The last sync cycle of a profile, as the facade saved it in the state store at the cycle's end
 * (so that another process, e.g. {@code icesync status}, can show it).
 *
 * @param finished     when the cycle ended
 * @param kind         what ran: {@code full}, {@code all} ("synchronise all"), {@code folders},
 *                     {@code structure}, {@code priority} or {@code selected} (the scheduled kinds)
 * @param ok           true when every folder synced and the cycle was not stopped by an error
 * @param summary      {@link io.icesync.core.engine.SyncReport#summary()}, or null if the cycle stopped
 * @param error        why the cycle stopped (login refused, server unreachable...), or null
 * @param counters     the cycle's counters: Downloaded X/Y, Uploaded X/Y, Internal X/Y (F11.1)
 * @param failed       how many items failed in the cycle
 * @param folderErrors one line per folder that could not be synced: {@code "INBOX: reason"}
 * @param notSynced    the server folders whose items the cycle left alone on purpose, with why and
 *                     what to do ({@link io.icesync.core.engine.SyncReport#notSynced()}); no error
 */
public record LastCycle(Instant finished, String kind, boolean ok, String summary, String error,
                        SyncCounters counters, int failed, List<String> folderErrors,
                        List<UnsyncedFolder> notSynced) {
    /**
     * Takes a null list or counters as empty, and copies the lists.
     *
     * @param finished     when the cycle ended
     * @param kind         what ran ({@code full}, {@code all}, {@code folders}...)
     * @param ok           true when every folder synced and the cycle was not stopped by an error
     * @param summary      the report's summary, or null if the cycle stopped
     * @param error        why the cycle stopped, or null
     * @param counters     the cycle's counters, or null for none
     * @param failed       how many items failed in the cycle
     * @param folderErrors one line per folder that could not be synced, or null for none
     * @param notSynced    the server folders left alone on purpose, or null for none
     */
    public LastCycle {
        folderErrors = folderErrors == null ? List.of() : List.copyOf(folderErrors);
        counters = counters == null ? SyncCounters.ZERO : counters;
        notSynced = notSynced == null ? List.of() : List.copyOf(notSynced);
    }

    /**
     * A cycle that left no folder unsynced on purpose.
     *
     * @param finished     when the cycle ended
     * @param kind         what ran ({@code full}, {@code all}, {@code folders}...)
     * @param ok           true when every folder synced and the cycle was not stopped by an error
     * @param summary      the report's summary, or null if the cycle stopped
     * @param error        why the cycle stopped, or null
     * @param counters     the cycle's counters, or null for none
     * @param failed       how many items failed in the cycle
     * @param folderErrors one line per folder that could not be synced, or null for none
     */
    public LastCycle(Instant finished, String kind, boolean ok, String summary, String error,
                     SyncCounters counters, int failed, List<String> folderErrors) {
        this(finished, kind, ok, summary, error, counters, failed, folderErrors, List.of());
    }
}
