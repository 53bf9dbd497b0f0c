package io.icesync.client.internal;

import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.groupware.gal.AddressList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Global Address List of a profile (F6.3), refreshed on its own interval: with {@code galSync} on,
 * a scheduled profile syncs its contacts folders and reads the list again from {@code groupware/}
 * once {@code galInterval} has passed since the last refresh (kept in the state store, so a restart
 * does not refresh early), whatever the other schedules do.
 */
public final class GalRefresh {
    static final String KEY = "gal.refreshed";

    private final Path groupware;
    private final SyncStateStore state;
    private final Clock clock;
    private volatile AddressList list;

    /** @param groupware the profile's {@code groupware/}, or null without a profile folder */
    public GalRefresh(Path groupware, SyncStateStore state, Clock clock) {
        this.groupware = groupware;
        this.state = state;
        this.clock = clock;
    }

    /** The list as last refreshed; before any refresh, read from what {@code groupware/} holds now. */
    public AddressList list() {
        AddressList l = list;
        if (l == null) {
            l = read();
            list = l;
        }
        return l;
    }

    /** Whether a scheduled profile refreshes the list now. */
    public boolean due(SyncSettings s) {
        if (!s.galSync()) {
            return false;
        }
        Instant last = state.value(KEY).map(Instant::parse).orElse(null);
        return last == null || !clock.now().isBefore(last.plus(s.galInterval()));
    }

    /** Syncs the contacts folders with {@code syncBooks}, then reads the list again; returns the sync's report. */
    public SyncReport refresh(Supplier<SyncReport> syncBooks) {
        SyncReport r = syncBooks.get();
        AddressList l = read();
        list = l;
        state.putValue(KEY, clock.now().toString());
        state.log(new SessionEvent(clock.now(), SessionEvent.Level.INFO, "address list refreshed", l.size()
                + " entries in " + l.books().size() + " address books"
                + (l.warnings().isEmpty() ? "" : ", " + l.warnings().size() + " unreadable (see the log)")));
        return r;
    }

    private AddressList read() {
        OptionalModules.requireGroupware("the Global Address List");
        return groupware == null ? AddressList.of(List.of()) : AddressList.fromVdir(groupware);
    }
}
