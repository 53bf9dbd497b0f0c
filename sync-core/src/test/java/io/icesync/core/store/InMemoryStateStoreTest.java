package io.icesync.core.store;

import io.icesync.core.spi.SyncStateStore;

class InMemoryStateStoreTest extends SyncStateStoreContract {
    @Override
    SyncStateStore newStore() {
        return StateStores.inMemory();
    }
}
