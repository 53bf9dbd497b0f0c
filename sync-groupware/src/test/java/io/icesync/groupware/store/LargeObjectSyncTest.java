package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contact too large to hold in memory (a 12 MB photo) fails alone, on either side: INBOX and the
 * other contacts sync, and the failure says what and why.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class LargeObjectSyncTest {
    static final String JEAN = "jean@iwdemo.test";
    static final long LIMIT = 1L << 20;

    @TempDir
    Path dir;

    SyncStateStore state;

    static String bigCard(String uid, int photoBytes) {
        StringBuilder b = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:");
        String line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=";
        while (b.length() < photoBytes) {
            b.append(line).append("\r\n ");
        }
        return b.append("\r\nEND:VCARD\r\n").toString();
    }

    SyncReport sync(IceWarpServer server) {
        if (state == null) {
            state = StateStores.sqlite(dir.resolve("state.db"));
        }
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN)
                .password("secret".toCharArray()).build();
             GroupwareLocalStore local = new GroupwareLocalStore(LocalStores.maildir(dir.resolve("mail")),
                     new VdirLocalStore(dir.resolve("groupware"), p -> new AutoItemCodec(), LIMIT))) {
            SyncSettings settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();
            return SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> settings).build().syncOnce();
        }
    }

    static FolderReport report(SyncReport r, String folder) {
        return r.folders().stream().filter(f -> f.folder().equals(FolderPath.of(folder))).findFirst().orElseThrow();
    }

    List<String> files(String folder) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("groupware").resolve(folder))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void aTooLargeContactOnTheServerFailsAloneAndInboxSyncs(IceWarpServer server) throws Exception {
        var a = server.account(JEAN);
        TestMailbox contacts = a.create("Contacts").kind(FolderKind.CONTACTS);
        contacts.appendObject(bigCard("big", 3 << 20));
        contacts.appendObject(GroupwareSyncTest.card("small", "Small Card"));
        a.mailbox("INBOX").append("Message-ID: <i@x>\r\nSubject: hello\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8));

        SyncReport r = sync(server);

        assertThat(report(r, "INBOX").downloaded()).isEqualTo(1);
        assertThat(report(r, "Contacts").downloaded()).isEqualTo(1);
        assertThat(report(r, "Contacts").failed()).isEqualTo(1);
        assertThat(files("Contacts")).containsExactly("small.vcf");
        assertThat(state.failures()).singleElement().extracting(IgnoredItem::lastError).asString()
                .contains("larger than the 1.0 MB a groupware object may have");
    }

    @Test
    void aTooLargeContactWrittenHereFailsAloneAndTheOthersGoUp(IceWarpServer server) throws Exception {
        var a = server.account(JEAN);
        TestMailbox contacts = a.create("Contacts").kind(FolderKind.CONTACTS);
        sync(server);
        Files.writeString(dir.resolve("groupware/Contacts/big.vcf"), bigCard("big", 3 << 20));
        Files.writeString(dir.resolve("groupware/Contacts/small.vcf"), GroupwareSyncTest.card("small", "Small Card"));
        a.mailbox("INBOX").append("Message-ID: <i@x>\r\nSubject: hello\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8));

        SyncReport r = sync(server);

        assertThat(report(r, "INBOX").downloaded()).isEqualTo(1);
        assertThat(report(r, "Contacts").uploaded()).isEqualTo(1);
        assertThat(report(r, "Contacts").failed()).isEqualTo(1);
        assertThat(contacts.messages()).hasSize(1);
        assertThat(state.failures()).singleElement().extracting(IgnoredItem::lastError).asString()
                .contains("big.vcf is larger than the 1.0 MB");
    }
}
