package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.testkit.IceWarpServer;
import org.junit.jupiter.api.Test;

/** A server that answers NO to STARTTLS is a connection problem, never a wrong password. */
class StartTlsRefusedTest {
    @Test
    void aRefusedStarttlsSaysSoAndIsNotALoginFailure() {
        try (IceWarpServer server = IceWarpServer.start("jean@iwdemo.test", "secret")) {
            server.faults().on("STARTTLS").replyNo("TLS not available");
            Endpoint e = new Endpoint("127.0.0.1", server.imap().port(), Security.STARTTLS);
            try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(e).login("jean@iwdemo.test")
                    .password("secret".toCharArray()).trustPem(server.certificatePem()).build()) {
                assertThatThrownBy(s::connect).isInstanceOf(ConnectionException.class)
                        .isNotInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("refused STARTTLS (TLS not available); nothing was sent in clear")
                        .hasMessageContaining("security ssl");
            }
        }
    }
}
