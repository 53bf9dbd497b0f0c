package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered on a field, with a per-class server seeded from code. */
class RegisteredExtensionTest {
    @RegisterExtension
    static IceWarpServerExtension iw = IceWarpServerExtension.builder().account("jean@iwdemo.test", "secret")
            .seed(s -> s.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<s@x>", "seeded")))
            .perClass().build();

    @Test
    void theFieldAndTheParameterGiveTheSameServer(IceWarpServer server) {
        assertThat(iw.server()).isSameAs(server);
        assertThat(server.account("jean@iwdemo.test").mailbox("INBOX").byMessageId("s@x")).hasSize(1);
    }

    @Test
    void aPerClassServerIsShared(IceWarpServer server) {
        assertThat(iw.server()).isSameAs(server);
    }
}
