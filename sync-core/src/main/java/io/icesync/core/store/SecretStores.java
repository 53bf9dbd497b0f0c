package io.icesync.core.store;

import io.icesync.core.internal.secret.FileSecretStore;
import io.icesync.core.spi.SecretStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link SecretStore}s ("remember password", F2.2). */
public final class SecretStores {
    private SecretStores() {
    }

    /** Secrets in a JSON file only its owner can read (0600). */
    public static SecretStore file(Path file) {
        return new FileSecretStore(file);
    }

    /** Secrets in memory, gone with the process. */
    public static SecretStore inMemory() {
        Map<String, char[]> m = new ConcurrentHashMap<>();
        return new SecretStore() {
            @Override
            public Optional<char[]> get(String key) {
                char[] v = m.get(key);
                return v == null ? Optional.empty() : Optional.of(v.clone());
            }

            @Override
            public void put(String key, char[] secret) {
                m.put(key, secret.clone());
            }

            @Override
            public void remove(String key) {
                m.remove(key);
            }

            @Override
            public String toString() {
                return "in-memory secret store (" + m.size() + " entries)";
            }
        };
    }
}
