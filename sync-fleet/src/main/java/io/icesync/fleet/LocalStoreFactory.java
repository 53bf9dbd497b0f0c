package io.icesync.fleet;

import io.icesync.client.IceSync;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.fleet.internal.AccountFolders;
import io.icesync.groupware.store.GroupwareLocalStore;
import io.icesync.groupware.store.VdirLocalStore;
import java.nio.file.Path;

/**
 * Where each account's items live: the application's choice (an archive, a CRM...). A store is
 * opened for each cycle and closed after it, on whichever node runs the cycle, so every node must
 * reach the same data (a shared folder, a database).
 */
@FunctionalInterface
public interface LocalStoreFactory {
    /**
     * The local store of {@code account}, opened for one cycle.
     *
     * @param account the account whose cycle is about to run
     * @return its local store, open; the node closes it after the cycle
     */
    LocalStore open(FleetAccount account);

    /**
     * The default: each account in {@code root/<e-mail address>/} with a profile folder's layout, mail in
     * {@code mail/} (one Maildir per folder) and groupware in {@code groupware/} (vdir).
     *
     * @param root the folder shared by the nodes
     * @return the factory
     */
    static LocalStoreFactory profileLayout(Path root) {
        Path abs = root.toAbsolutePath();
        return account -> {
            Path dir = AccountFolders.of(abs, account.email());
            return new GroupwareLocalStore(LocalStores.maildir(dir.resolve(IceSync.MAIL_DIR)),
                    new VdirLocalStore(dir.resolve(IceSync.GROUPWARE_DIR)));
        };
    }
}
