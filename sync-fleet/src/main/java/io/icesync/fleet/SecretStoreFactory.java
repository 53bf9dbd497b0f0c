package io.icesync.fleet;

import io.icesync.client.IceSync;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.store.SecretStores;
import io.icesync.fleet.internal.AccountFolders;
import java.nio.file.Path;

/**
 * Where each account's password is: never the fleet database. The password is read at each cycle
 * under the account's {@link io.icesync.core.Account#secretKey()}.
 */
@FunctionalInterface
public interface SecretStoreFactory {
    /**
     * The secret store holding {@code email}'s password.
     *
     * @param email the account's e-mail address
     * @return the store to read the password from at each cycle
     */
    SecretStore forAccount(String email);

    /**
     * The default: one file per account, {@code root/<e-mail address>/secrets.json}, readable by its
     * owner only (0600), as in a profile folder.
     *
     * @param root the folder shared by the nodes
     * @return the factory
     */
    static SecretStoreFactory files(Path root) {
        Path abs = root.toAbsolutePath();
        return email -> SecretStores.file(AccountFolders.of(abs, email).resolve(IceSync.SECRETS_FILE));
    }
}
