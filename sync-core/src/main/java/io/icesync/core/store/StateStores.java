package io.icesync.core.store;

import io.icesync.core.internal.state.MemoryStateStore;
import io.icesync.core.spi.SyncStateStore;

/** The default {@link SyncStateStore}s. */
public final class StateStores {
    private StateStores() {
    }

    /** A state store in memory: lost when the process ends; for tests and one-off syncs. */
    public static SyncStateStore inMemory() {
        return new MemoryStateStore();
    }
}
