package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.contract.RemoteStoreContract;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The RemoteStore contract against a real Dovecot (../shared/peers/dovecot-up.sh), plus connection security. */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotRemoteStoreIT extends RemoteStoreContract {
    static final String HOST = System.getProperty("icesync.dovecot.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("icesync.dovecot.port", 10143);
    static final int SSL_PORT = Integer.getInteger("icesync.dovecot.sslPort", 10993);
    static final String USER = "jean@iwdemo.test";

    static Path cert() {
        String set = System.getProperty("icesync.dovecot.cert");
        return set != null ? Paths.get(set) : io.icesync.testkit.Peers.file("dovecot", "cert.pem");
    }

    static ImapRemoteStore.Builder jean(Security s, int port) {
        return ImapRemoteStore.builder().endpoint(new Endpoint(HOST, port, s)).login(USER).password("secret".toCharArray());
    }

    @Override
    protected RemoteStore newStore() {
        return jean(Security.PLAIN, PORT).build();
    }

    @Test
    void dovecotAdvertisesWhatIncrementalSyncUses() {
        ServerInfo info = store.connect();
        assertThat(info.separator()).isEqualTo('/');
        assertThat(info.capabilities()).contains("CONDSTORE", "QRESYNC", "UIDPLUS", "MOVE", "METADATA", "ACL");
        assertThat(((ImapRemoteStore) store).iceWarpConnectorMode()).as("no IceWarp greeting to Dovecot").isFalse();
    }

    @Test
    void starttlsRefusesAnUntrustedCertificateAndShowsIt() {
        try (ImapRemoteStore s = jean(Security.STARTTLS, PORT).build()) {
            assertThatThrownBy(s::connect).isInstanceOfSatisfying(UntrustedCertificateException.class,
                    e -> assertThat(e.chain()).isNotEmpty().first()
                            .satisfies(c -> assertThat(c.getSubjectX500Principal().getName()).contains("localhost")));
        }
    }

    @Test
    void starttlsAndSslWorkWithTheCertificateTrusted() throws IOException {
        String pem = Files.readString(cert());
        try (ImapRemoteStore s = jean(Security.STARTTLS, PORT).trustPem(pem).build()) {
            assertThat(s.connect().capabilities()).contains("IMAP4REV1");
            assertThat(s.folders()).isNotEmpty();
        }
        try (ImapRemoteStore s = jean(Security.SSL, SSL_PORT).trustPem(pem).build()) {
            assertThat(s.folders()).isNotEmpty();
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorThatNeverShowsThePassword() {
        try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(new Endpoint(HOST, PORT, Security.PLAIN))
                .login(USER).password("wrong-Pa55word".toCharArray()).build()) {
            assertThatThrownBy(s::connect).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(HOST).satisfies(e -> assertThat(stackText(e)).doesNotContain("wrong-Pa55word"));
        }
    }

    @Test
    void aClosedPortIsAConnectionError() {
        try (ImapRemoteStore s = jean(Security.PLAIN, 1).build()) {
            assertThatThrownBy(s::connect).isInstanceOf(ConnectionException.class).hasMessageContaining("refused");
        }
    }

    private static String stackText(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
