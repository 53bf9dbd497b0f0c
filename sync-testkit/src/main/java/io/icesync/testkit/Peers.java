package io.icesync.testkit;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the peer servers started by {@code .ci/peers-up.sh} keep their state (certificates, Sieve
 * scripts, data), for interop tests against them: the system property {@code icesync.peers}, else the
 * environment variable {@code ICESYNC_PEERS}, else {@code /tmp/icesync-peers}, as the script decides.
 */
public final class Peers {
    /** The system property that names the peers' state folder; it wins over the environment. */
    public static final String PROPERTY = "icesync.peers";
    /** The environment variable that names the peers' state folder when the property is not set. */
    public static final String ENVIRONMENT = "ICESYNC_PEERS";
    /** The peers' state folder when neither the property nor the variable is set. */
    public static final String DEFAULT = "/tmp/icesync-peers";

    private Peers() {
    }

    /** {@return the peers' state folder, as chosen above; it may not exist when the peers are not up} */
    public static Path dir() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENVIRONMENT);
        }
        return Paths.get(p == null || p.isBlank() ? DEFAULT : p);
    }

    /**
     * A file of the peers' state: {@code Peers.file("dovecot", "cert.pem")}.
     *
     * @param first the first level below {@link #dir()}
     * @param more  further levels
     * @return the path; whether the file exists is not checked
     */
    public static Path file(String first, String... more) {
        return dir().resolve(Paths.get(first, more));
    }
}
