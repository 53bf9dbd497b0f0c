package io.icesync.core.store;

import io.icesync.core.internal.memory.MemoryLocalStore;
import io.icesync.core.spi.LocalStore;

/** The default {@link LocalStore}s. */
public final class LocalStores {
    private LocalStores() {
    }

    /** A local store in memory, for tests. */
    public static LocalStore inMemory() {
        return new MemoryLocalStore();
    }
}
