package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation as a user writes it: a fresh server per test, accounts and a fixture seeded. */
@IceWarpTest(accounts = "anne@iwdemo.test:pw", fixture = "mailbox.yaml", without = "QRESYNC")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IceWarpTestExtensionTest {
    static final Set<Integer> ports = new HashSet<>();

    @Test
    @Order(1)
    void theServerIsStartedAndSeeded(IceWarpServer server) throws IOException {
        ports.add(server.imap().port());
        assertThat(server.account("jean@iwdemo.test").mailbox("INBOX").messages()).hasSize(2);
        try (RawImap c = new RawImap("127.0.0.1", server.imap().port())) {
            c.login("anne@iwdemo.test", "pw");
            assertThat(c.cmd("CAPABILITY").get(0)).contains("CONDSTORE").doesNotContain("QRESYNC");
        }
        server.account("jean@iwdemo.test").mailbox("INBOX").expunge(1);
    }

    @Test
    @Order(2)
    void eachTestGetsItsOwnServer(IceWarpServer server) {
        assertThat(ports).doesNotContain(server.imap().port());
        assertThat(server.account("jean@iwdemo.test").mailbox("INBOX").messages()).as("reseeded").hasSize(2);
    }
}
