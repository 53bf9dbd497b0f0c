package io.icesync.core.store;

import io.icesync.core.internal.state.MemoryStateStore;
import io.icesync.core.internal.state.SqliteStateStore;
import io.icesync.core.spi.SyncStateStore;
import java.nio.file.Path;

/** The default {@link SyncStateStore}s. */
public final class StateStores {
    private StateStores() {
    }

    /**
     * The state in one SQLite file (created if missing, migrated if older): a committed change survives
     * a kill or a power cut. One file per profile; one process at a time.
     */
    public static SyncStateStore sqlite(Path file) {
        return new SqliteStateStore(file);
    }

    /** A state store in memory: lost when the process ends; for tests and one-off syncs. */
    public static SyncStateStore inMemory() {
        return new MemoryStateStore();
    }
}
