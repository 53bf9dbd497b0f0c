package io.icesync.imap;

import io.icesync.core.contract.SyncContract;
import io.icesync.core.spi.RemoteStore;
import io.icesync.testkit.IceWarpServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine, the Maildir and SQLite stores and the IMAP store against the embedded test server. */
class TestkitSyncTest extends SyncContract {
    @RegisterExtension
    static IceWarpServerExtension iw = IceWarpServerExtension.builder().account("jean@iwdemo.test", "secret")
            .perClass().build();

    @Override
    protected RemoteStore newStore() {
        return ImapRemoteStore.builder().endpoint(iw.server().imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
    }
}
