package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderPath;
import io.icesync.core.ProtocolException;
import io.icesync.testkit.Faults.Flood;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that sends far more than asked (a 200 MB literal, a 200 MB line, data after a literal that
 * never ends) is cut at the response bounds with a typed error, before the bytes are held; the store
 * then works again on a new connection.
 */
class OversizedResponseTest {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    static final long FLOOD = 200L << 20;
    IceWarpServer server;

    @BeforeEach
    void start() {
        server = IceWarpServer.start("jean@iwdemo.test", "secret");
        for (int i = 0; i < 3; i++) {
            server.account("jean@iwdemo.test").mailbox("INBOX")
                    .append(Messages.simple("<m" + i + "@x>", "a@example.org", "jean@iwdemo.test", "M" + i, null, "body"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ImapRemoteStore store() {
        return ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test").password("secret".toCharArray())
                .readTimeout(Duration.ofSeconds(20)).responseLimits(1 << 20, 4 << 20).build();
    }

    @ParameterizedTest
    @EnumSource(Flood.class)
    void aFloodIsATypedErrorAndTheNextCallWorks(Flood shape) {
        try (ImapRemoteStore s = store()) {
            s.connect();
            server.faults().on("UID FETCH").flood(shape, FLOOD);
            long before = usedHeap();
            assertThatThrownBy(() -> s.changes(INBOX, null, true)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("the server " + server.imap().host())
                    .hasMessageContaining(shape == Flood.LITERAL ? "a literal of " + FLOOD + " bytes, over the 4194304 allowed"
                            : "a response line of more than 1048576 bytes")
                    .hasMessageNotContaining("Jakarta Mail Exception");
            assertThat(usedHeap() - before).as("the flood was never held").isLessThan(64L << 20);
            assertThat(s.changes(INBOX, null, true).items()).hasSize(3);
        }
    }

    @Test
    void aLoginAnsweredWithAFloodIsCutToo() {
        server.faults().on("AUTHENTICATE").flood(Flood.LINE, FLOOD);
        try (ImapRemoteStore s = store()) {
            assertThatThrownBy(s::connect).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("a response line of more than 1048576 bytes");
        }
    }

    @Test
    void limitsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> ImapRemoteStore.builder().responseLimits(10, 1 << 20))
                .isInstanceOf(io.icesync.core.InvalidSettingException.class).hasMessageContaining("between 1 KiB and 2 GiB");
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
