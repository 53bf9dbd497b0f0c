package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.contract.RemoteStoreContract;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import io.icesync.testkit.IceWarpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same RemoteStore contract as against Dovecot, against the embedded test server. */
class TestkitRemoteStoreTest extends RemoteStoreContract {
    static IceWarpServer server;

    @BeforeAll
    static void start() {
        server = IceWarpServer.start("jean@iwdemo.test", "secret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected RemoteStore newStore() {
        return ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
    }

    @Test
    void theTestServerAdvertisesWhatIceWarpAndIncrementalSyncUse() {
        ServerInfo info = store.connect();
        assertThat(info.separator()).isEqualTo('/');
        assertThat(info.capabilities()).contains("X-ICEWARP-SERVER", "CONDSTORE", "QRESYNC", "UIDPLUS", "MOVE",
                "METADATA", "ACL");
    }

    @Test
    void anIceWarpServerIsGreetedInConnectorModeOnEveryConnection() {
        int before = server.connectorGreetings().size();
        try (ImapRemoteStore fresh = (ImapRemoteStore) newStore()) {
            fresh.folders();
            assertThat(fresh.iceWarpConnectorMode()).isTrue();
        }
        assertThat(server.connectorGreetings().size()).isGreaterThan(before);
        assertThat(server.connectorGreetings()).allSatisfy(v -> assertThat(v).isNotBlank());
    }
}
