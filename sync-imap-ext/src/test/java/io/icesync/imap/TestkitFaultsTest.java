package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.ConnectionException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.ProtocolException;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each scripted fault of the test server, as IceSync's IMAP store and engine meet it: a typed error or a reconnect, nothing lost. */
class TestkitFaultsTest {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    IceWarpServer server;
    TestMailbox inbox;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = IceWarpServer.start("jean@iwdemo.test", "secret");
        inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
        for (int i = 0; i < 30; i++) {
            inbox.append(Messages.simple("<m" + i + "@x>", "sender@example.org", "jean@iwdemo.test", "Message " + i, null,
                    ("Ligne de texte numéro " + i + " ").repeat(200)));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ImapRemoteStore store() {
        return ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test").password("secret".toCharArray())
                .readTimeout(Duration.ofMillis(700)).build();
    }

    @Test
    void aNoAnswerIsAProtocolErrorNamingTheReasonAndTheNextCallWorks() {
        try (ImapRemoteStore s = store()) {
            s.connect();
            server.faults().on("UID FETCH").replyNo("[UNAVAILABLE] index being rebuilt");
            assertThatThrownBy(() -> s.changes(INBOX, null, true)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("index being rebuilt");
            assertThat(s.changes(INBOX, null, true).items()).hasSize(30);
        }
    }

    @Test
    void aDroppedConnectionIsReopenedOnceAndASecondDropIsAConnectionError() {
        try (ImapRemoteStore s = store()) {
            s.connect();
            var once = server.faults().on("SELECT").drop();
            assertThat(s.changes(INBOX, null, false).items()).hasSize(30);
            assertThat(once.fired()).isEqualTo(1);

            server.faults().on("STATUS").times(2).drop();
            assertThatThrownBy(() -> s.status(INBOX)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("127.0.0.1");
            assertThat(s.status(INBOX).uidNext()).isEqualTo(31);
        }
    }

    @Test
    void aServerThatStopsAnsweringTimesOutAsAConnectionError() {
        try (ImapRemoteStore s = store()) {
            s.connect();
            server.faults().on("STATUS").times(2).delay(Duration.ofSeconds(3));
            assertThatThrownBy(() -> s.status(INBOX)).isInstanceOf(ConnectionException.class);
            assertThat(s.status(INBOX).uidValidity()).isEqualTo(inbox.uidValidity());
        }
    }

    @Test
    void aMalformedLineIsATypedErrorNotACrash() {
        try (ImapRemoteStore s = store()) {
            s.connect();
            server.faults().on("UID FETCH").times(2).malformedLine();
            try {
                s.changes(INBOX, null, true);
            } catch (IceSyncException e) {
                assertThat(e).isInstanceOfAny(ProtocolException.class, ConnectionException.class);
            }
            assertThat(s.changes(INBOX, null, true).items()).extracting(i -> i.messageId()).hasSize(30)
                    .doesNotContainNull();
        }
    }

    @Test
    void aLargeMessageCutThreeTimesIsNeverIgnoredAndArrivesOnceTheNetworkHolds() throws IOException {
        byte[] big = Messages.simple("<big@x>", "a@example.org", "jean@iwdemo.test", "Big", null,
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n".repeat(80_000));
        inbox.append(big);
        LocalStore local = LocalStores.maildir(dir.resolve("mail"));
        try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db")); ImapRemoteStore remote = store()) {
            SyncEngine engine = SyncEngine.builder().remote(remote).local(local).state(state)
                    .settings(() -> SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build()).build();
            for (int cut = 0; cut < 3; cut++) {
                // Twice per cycle: the store resumes once after a drop, then gives up for this cycle.
                server.faults().afterBytes(2_500_000).times(2).drop();
                assertThatThrownBy(engine::syncOnce).isInstanceOf(ConnectionException.class);
                assertThat(state.failures()).as("a cut download is no failure of the item").isEmpty();
            }
            server.faults().clear();
            SyncReport last = engine.syncOnce();
            assertThat(last.ok()).as(last.summary()).isTrue();
            assertThat(localIds(local)).contains("<big@x>").containsExactlyInAnyOrderElementsOf(serverIds());
            assertThat(state.failures()).isEmpty();
        }
    }

    @Test
    void aDownloadCutMidwayResumesWithNothingLostOrDuplicated() throws IOException {
        LocalStore local = LocalStores.maildir(dir.resolve("mail"));
        try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db")); ImapRemoteStore remote = store()) {
            SyncEngine engine = SyncEngine.builder().remote(remote).local(local).state(state)
                    .settings(() -> SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build()).build();
            server.faults().afterBytes(60_000);
            assertThatThrownBy(engine::syncOnce).isInstanceOf(ConnectionException.class);
            List<String> partial = localIds(local);
            assertThat(partial.size()).as("some, not all, arrived before the cut").isLessThan(30);

            SyncReport second = engine.syncOnce();
            assertThat(second.ok()).as(second.summary()).isTrue();
            assertThat(localIds(local)).containsExactlyInAnyOrderElementsOf(serverIds());
        }
    }

    @Test
    void aNewUidValidityAndExpungesBehindTheClientsBackAreFollowed() throws IOException {
        LocalStore local = LocalStores.maildir(dir.resolve("mail"));
        try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db")); ImapRemoteStore remote = store()) {
            SyncEngine engine = SyncEngine.builder().remote(remote).local(local).state(state)
                    .settings(() -> SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build()).build();
            engine.syncOnce();
            inbox.resetUidValidity();
            inbox.expunge(inbox.byMessageId("m3@x").get(0).uid());
            SyncReport r = engine.syncOnce();
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.downloaded()).as("rematched by Message-ID, not downloaded again").isZero();
            assertThat(localIds(local)).hasSize(29).doesNotContain("<m3@x>")
                    .containsExactlyInAnyOrderElementsOf(serverIds());
        }
    }

    private List<String> serverIds() {
        return inbox.messages().stream().map(TestMessage::messageId).toList();
    }

    private static List<String> localIds(LocalStore local) throws IOException {
        List<String> out = new ArrayList<>();
        for (LocalItem i : local.items(INBOX)) {
            try (InputStream in = local.open(INBOX, i.id())) {
                out.add(MessageHeaders.messageId(in));
            }
        }
        return out;
    }
}
