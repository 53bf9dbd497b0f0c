package io.icesync.client;

import io.icesync.core.engine.UnsyncedFolder;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import java.util.List;

/**
 * What a profile says about its syncs, read without connecting or needing the password (for
 * {@code icesync status}, and for apps that show the state of a background sync).
 *
 * @param lastCycle the last cycle that ended, or null if none did
 * @param folders   how many folders are synced
 * @param items     how many item pairs are synced
 * @param events    the last session-log events, oldest first (F11.2)
 * @param failures  items that failed, the ignored ones ({@link IgnoredItem#ignored()}) included (F4.7, F11.3),
 *                  of every service
 * @param services  each service of the profile, mail first, with what it has synced ({@code folders} and
 *                  {@code items} are their sums)
 * @param outbox    the messages waiting in the Outbox to be sent, and why
 */
public record ProfileStatus(LastCycle lastCycle, int folders, long items, List<SessionEvent> events,
                            List<IgnoredItem> failures, List<ServiceStatus> services, List<OutboxMessage> outbox) {
    public ProfileStatus {
        events = List.copyOf(events);
        failures = List.copyOf(failures);
        services = services == null ? List.of() : List.copyOf(services);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A status with an empty Outbox. */
    public ProfileStatus(LastCycle lastCycle, int folders, long items, List<SessionEvent> events,
                         List<IgnoredItem> failures, List<ServiceStatus> services) {
        this(lastCycle, folders, items, events, failures, services, List.of());
    }

    /** A status without the per-service detail. */
    public ProfileStatus(LastCycle lastCycle, int folders, long items, List<SessionEvent> events,
                         List<IgnoredItem> failures) {
        this(lastCycle, folders, items, events, failures, List.of());
    }

    /** The folders the last cycle left unsynced on purpose, with why and what to do (empty when none or no cycle). */
    public List<UnsyncedFolder> notSynced() {
        return lastCycle == null ? List.of() : lastCycle.notSynced();
    }

    /** Items on the ignored list: they failed {@value IgnoredItem#LIMIT} times and are skipped until retried. */
    public long ignored() {
        return failures.stream().filter(IgnoredItem::ignored).count();
    }
}
