package io.icesync.core.spi;

import java.util.Optional;

/**
 * Where passwords live ("remember password", F2.2). The only place a credential is written.
 * Implementations must never log or print what they hold.
 */
public interface SecretStore {
    /**
     * Reads a secret.
     *
     * @param key the secret's name (an account's, for instance)
     * @return a copy of the secret, which the caller should blank after use; empty when none is stored
     */
    Optional<char[]> get(String key);

    /**
     * Stores a secret, replacing the one under the same key. The store keeps its own copy, so the
     * caller may blank {@code secret} afterwards.
     *
     * @param key    the secret's name
     * @param secret the secret
     */
    void put(String key, char[] secret);

    /**
     * Forgets a secret; an unknown key is no error.
     *
     * @param key the secret's name
     */
    void remove(String key);

}
