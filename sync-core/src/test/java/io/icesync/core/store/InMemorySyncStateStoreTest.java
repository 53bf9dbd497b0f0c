package io.icesync.core.store;

import io.icesync.core.spi.Clock;
import io.icesync.core.spi.SyncStateStore;

class InMemorySyncStateStoreTest extends SyncStateStoreContract {
    @Override
    SyncStateStore newStore(Clock clock) {
        return StateStores.inMemory(clock);
    }
}
