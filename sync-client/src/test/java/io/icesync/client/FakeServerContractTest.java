package io.icesync.client;

import io.icesync.core.contract.RemoteStoreContract;
import io.icesync.core.spi.RemoteStore;

/** The fake the facade and CLI tests use keeps the contract every RemoteStore keeps. */
class FakeServerContractTest extends RemoteStoreContract {
    private final FakeServer server = new FakeServer();

    @Override
    protected RemoteStore newStore() {
        return server.remote();
    }
}
