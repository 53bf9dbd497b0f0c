package io.icesync.core.store;

import io.icesync.core.spi.LocalStore;

class InMemoryLocalStoreTest extends LocalStoreContract {
    @Override
    LocalStore newStore() {
        return LocalStores.inMemory();
    }

    @Override
    LocalStore reopen() {
        return store;
    }
}
