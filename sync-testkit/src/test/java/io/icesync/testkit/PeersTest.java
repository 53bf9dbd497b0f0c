package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PeersTest {
    @Test
    void thePropertyWinsThenTheEnvironmentThenTheScriptsDefault() {
        String before = System.getProperty(Peers.PROPERTY);
        try {
            System.setProperty(Peers.PROPERTY, "/srv/peers");
            assertThat(Peers.file("dovecot", "cert.pem")).isEqualTo(Path.of("/srv/peers/dovecot/cert.pem"));
            System.clearProperty(Peers.PROPERTY);
            String env = System.getenv(Peers.ENVIRONMENT);
            assertThat(Peers.dir()).isEqualTo(Path.of(env == null || env.isBlank() ? Peers.DEFAULT : env));
        } finally {
            if (before != null) {
                System.setProperty(Peers.PROPERTY, before);
            }
        }
    }
}
