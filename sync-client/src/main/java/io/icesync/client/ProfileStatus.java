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
    /**
     * Copies the lists; null services or outbox are taken as empty.
     *
     * @param lastCycle the last cycle that ended, or null
     * @param folders   how many folders are synced
     * @param items     how many item pairs are synced
     * @param events    the last session-log events, not null
     * @param failures  items that failed, not null
     * @param services  each service of the profile, or null
     * @param outbox    the messages waiting in the Outbox, or null
     */
    public ProfileStatus {
        events = List.copyOf(events);
        failures = List.copyOf(failures);
        services = services == null ? List.of() : List.copyOf(services);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /**
     * A status with an empty Outbox.
     *
     * @param lastCycle the last cycle that ended, or null
     * @param folders   how many folders are synced
     * @param items     how many item pairs are synced
     * @param events    the last session-log events, not null
     * @param failures  items that failed, not null
     * @param services  each service of the profile, or null
     */
    public ProfileStatus(LastCycle lastCycle, int folders, long items, List<SessionEvent> events,
                         List<IgnoredItem> failures, List<ServiceStatus> services) {
        this(lastCycle, folders, items, events, failures, services, List.of());
    }

    /**
     * A status without the per-service detail.
     *
     * @param lastCycle the last cycle that ended, or null
     * @param folders   how many folders are synced
     * @param items     how many item pairs are synced
     * @param events    the last session-log events, not null
     * @param failures  items that failed, not null
     */
    public ProfileStatus(LastCycle lastCycle, int folders, long items, List<SessionEvent> events,
                         List<IgnoredItem> failures) {
        this(lastCycle, folders, items, events, failures, List.of());
    }

    /**
     * The folders the last cycle left unsynced on purpose.
     *
     * @return each with why and what to do; empty when none or no cycle
     */
    public List<UnsyncedFolder> notSynced() {
        return lastCycle == null ? List.of() : lastCycle.notSynced();
    }

    /**
     * Items on the ignored list: they failed {@value IgnoredItem#LIMIT} times and are skipped until retried.
     *
     * @return how many of {@link #failures()} are ignored
     */
    public long ignored() {
        return failures.stream().filter(IgnoredItem::ignored).count();
    }
}
