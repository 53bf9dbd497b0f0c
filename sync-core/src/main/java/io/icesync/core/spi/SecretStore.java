package io.icesync.core.spi;

import java.util.Optional;

/**
 * Where passwords live ("remember password", F2.2). The only place a credential is written.
 * Implementations must never log or print what they hold.
 */
public interface SecretStore {
    Optional<char[]> get(String key);

    void put(String key, char[] secret);

    void remove(String key);
}
