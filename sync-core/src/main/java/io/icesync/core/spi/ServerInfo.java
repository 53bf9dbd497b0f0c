package io.icesync.core.spi;

import java.util.Set;

/**
 * What a remote store learned about its server on connecting: a display name, the hierarchy
 * separator and the capabilities that change how sync runs.
 */
public record ServerInfo(String name, char separator, Set<String> capabilities) {
    public ServerInfo {
        capabilities = Set.copyOf(capabilities);
    }

    public boolean has(String capability) {
        return capabilities.contains(capability);
    }
}
