package io.icesync.core.store;

import io.icesync.core.spi.SecretStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Secrets in memory, gone with the process. Holds its own copies (a caller clearing its array
 * does not clear the store, and the other way round) and blanks a secret it lets go of; the lock
 * keeps a reader from copying a secret while it is being blanked.
 */
final class MemorySecretStore implements SecretStore {
    private final Map<String, char[]> secrets = new HashMap<>();

    @Override
    public synchronized Optional<char[]> get(String key) {
        Objects.requireNonNull(key, "key");
        char[] v = secrets.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public synchronized void put(String key, char[] secret) {
        Objects.requireNonNull(key, "key");
        wipe(secrets.put(key, secret.clone()));
    }

    @Override
    public synchronized void remove(String key) {
        Objects.requireNonNull(key, "key");
        wipe(secrets.remove(key));
    }

    private static void wipe(char[] old) {
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    @Override
    public synchronized String toString() {
        return "MemorySecretStore[" + secrets.size() + " entries]";
    }
}
