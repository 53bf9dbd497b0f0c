package io.icesync.imap;

import io.icesync.core.Security;
import io.icesync.core.contract.SyncContract;
import io.icesync.core.spi.RemoteStore;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The engine, the Maildir and SQLite stores and the IMAP store together against a real Dovecot. */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotSyncIT extends SyncContract {
    @Override
    protected RemoteStore newStore() {
        return DovecotRemoteStoreIT.jean(Security.PLAIN, DovecotRemoteStoreIT.PORT).build();
    }
}
