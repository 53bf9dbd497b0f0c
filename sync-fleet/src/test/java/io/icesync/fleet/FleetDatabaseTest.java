package io.icesync.fleet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.ConnectionException;
import org.junit.jupiter.api.Test;

class FleetDatabaseTest {
    @Test
    void aUrlOfAnotherDatabaseIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> FleetDatabase.open("jdbc:mysql://db/icesync", "icesync", null, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:mysql://db/icesync");
    }

    @Test
    void anUnreachableDatabaseIsNamedAndThePasswordIsNot() {
        // Port 1 on loopback: nothing listens, the refusal is immediate.
        assertThatThrownBy(() -> FleetDatabase.open("jdbc:postgresql://127.0.0.1:1/icesync?connectTimeout=2", "icesync",
                "s3cret-pw".toCharArray(), 2))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("127.0.0.1:1/icesync").hasMessageContaining("icesync")
                .hasMessageNotContaining("s3cret-pw");
    }
}
