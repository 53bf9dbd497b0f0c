package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.CertificateNameMismatchException;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.testkit.IceWarpServer;
import org.junit.jupiter.api.Test;

/**
 * A certificate the user trusts, reached by a name it does not hold: the error says the names differ,
 * not that the certificate should be trusted (it is), and no second attempt without the user's
 * certificates hides it.
 */
class HostNameMismatchTest {
    @Test
    void aTrustedCertificateForOtherNamesSaysSo() {
        try (IceWarpServer server = IceWarpServer.builder().host("127.0.0.2").account("jean@iwdemo.test", "secret").start()) {
            Endpoint e = new Endpoint("127.0.0.2", server.imaps().port(), Security.SSL);
            try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(e).login("jean@iwdemo.test")
                    .password("secret".toCharArray()).trustPem(server.certificatePem()).build()) {
                assertThatThrownBy(s::connect).isInstanceOf(CertificateNameMismatchException.class)
                        .hasMessageContaining("is made out for other names")
                        .hasMessageContaining("127.0.0.2")
                        .hasMessageContaining("it holds localhost, 127.0.0.1")
                        .hasMessageNotContaining("trust it explicitly");
            }
        }
    }
}
