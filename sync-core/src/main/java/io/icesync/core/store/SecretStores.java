package io.icesync.core.store;

import io.icesync.core.spi.SecretStore;
import java.nio.file.Path;

/** The default {@link SecretStore}s ("remember password", F2.2). */
public final class SecretStores {
    private SecretStores() {
    }

    /**
     * Secrets in a JSON file only its owner can read (0600 on POSIX file systems), replaced
     * atomically on each change. The file and its folder are created on the first {@code put}.
     *
     * @param file the JSON file; nothing is written until the first {@code put}
     * @return a new store over {@code file}
     */
    public static SecretStore file(Path file) {
        return new FileSecretStore(file);
    }

    /**
     * Secrets in memory, gone with the process.
     *
     * @return a new, empty store
     */
    public static SecretStore inMemory() {
        return new MemorySecretStore();
    }
}
