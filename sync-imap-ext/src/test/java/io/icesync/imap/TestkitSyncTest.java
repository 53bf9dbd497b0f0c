package io.icesync.imap;

import io.icesync.core.contract.SyncContract;
import io.icesync.core.spi.RemoteStore;
import io.icesync.testkit.IceWarpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine, the Maildir and SQLite stores and the IMAP store against the embedded test server. */
class TestkitSyncTest extends SyncContract {
    static IceWarpServer server;

    @BeforeAll
    static void start() {
        server = IceWarpServer.start("jean@iwdemo.test", "secret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected RemoteStore newStore() {
        return ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
    }
}
