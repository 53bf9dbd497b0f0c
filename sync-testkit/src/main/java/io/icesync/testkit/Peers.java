package io.icesync.testkit;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the peer servers started by {@code .ci/peers-up.sh} keep their state (certificates, Sieve
 * scripts, data), for interop tests against them: the system property {@code icesync.peers}, else the
 * environment variable {@code ICESYNC_PEERS}, else {@code /tmp/icesync-peers}, as the script decides.
 */
public final class Peers {
    public static final String PROPERTY = "icesync.peers";
    public static final String ENVIRONMENT = "ICESYNC_PEERS";
    public static final String DEFAULT = "/tmp/icesync-peers";

    private Peers() {
    }

    public static Path dir() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENVIRONMENT);
        }
        return Paths.get(p == null || p.isBlank() ? DEFAULT : p);
    }

    /** A file of the peers' state: {@code Peers.file("dovecot", "cert.pem")}. */
    public static Path file(String first, String... more) {
        return dir().resolve(Paths.get(first, more));
    }
}
