package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Endpoint;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.contract.RemoteStoreContract;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same RemoteStore contract as against Dovecot, against the embedded test server. */
class TestkitRemoteStoreTest extends RemoteStoreContract {
    @RegisterExtension
    static IceWarpServerExtension iw = IceWarpServerExtension.builder().account("jean@iwdemo.test", "secret")
            .perClass().build();

    @Override
    protected RemoteStore newStore() {
        return ImapRemoteStore.builder().endpoint(iw.server().imap()).login("jean@iwdemo.test")
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
    void starttlsAndSslTrustOnlyWhatTheUserAccepted() {
        IceWarpServer server = iw.server();
        try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(server.imapStartTls()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build()) {
            assertThatThrownBy(s::connect).isInstanceOfSatisfying(UntrustedCertificateException.class,
                    e -> assertThat(e.chain()).first().isEqualTo(server.certificate()));
        }
        for (Endpoint e : new Endpoint[] {server.imapStartTls(), server.imaps()}) {
            try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(e).login("jean@iwdemo.test")
                    .password("secret".toCharArray()).trustPem(server.certificatePem()).build()) {
                assertThat(s.folders()).isNotEmpty();
            }
        }
    }

    @Test
    void anIceWarpServerIsGreetedInConnectorModeOnEveryConnection() {
        int before = iw.server().connectorGreetings().size();
        try (ImapRemoteStore fresh = (ImapRemoteStore) newStore()) {
            fresh.folders();
            assertThat(fresh.iceWarpConnectorMode()).isTrue();
        }
        assertThat(iw.server().connectorGreetings().size()).isGreaterThan(before);
        assertThat(iw.server().connectorGreetings()).allSatisfy(v -> assertThat(v).isNotBlank());
    }
}
