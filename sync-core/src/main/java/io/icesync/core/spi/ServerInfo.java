package io.icesync.core.spi;

import java.util.Set;

/**
 * What a remote store learned about its server on connecting: a display name, the hierarchy
 * separator and the capabilities that change how sync runs.
 *
 * @param name         a name to show for the server
 * @param separator    the character between levels of a folder path on the server
 * @param capabilities the server's capabilities (IMAP: the CAPABILITY atoms, such as {@code CONDSTORE})
 */
public record ServerInfo(String name, char separator, Set<String> capabilities) {
    /**
     * Copies {@code capabilities}, so that the record does not change with the caller's set.
     *
     * @param name         a name to show for the server
     * @param separator    the character between levels of a folder path on the server
     * @param capabilities the server's capabilities; not null, no null elements
     */
    public ServerInfo {
        capabilities = Set.copyOf(capabilities);
    }

    /**
     * Tells whether the server announced a capability. The comparison is exact (case-sensitive).
     *
     * @param capability the capability as the store lists it, such as {@code QRESYNC}
     * @return true when {@link #capabilities()} holds it
     */
    public boolean has(String capability) {

        return capabilities.contains(capability);
    }
}
