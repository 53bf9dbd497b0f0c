package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server folder names a file system makes hard, synced with the Maildir store against the test server. */
class FolderNamesSyncTest {
    static final String NFC = "Caf\u00e9";
    static final String NFD = "Cafe\u0301";
    static final String CJK_90 = "\u65e5\u672c".repeat(45);

    @TempDir
    Path dir;
    IceWarpServer server;
    TestAccount account;
    LocalStore local;
    SyncStateStore state;

    @BeforeEach
    void start() {
        server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").start();
        account = server.account("jean@iwdemo.test");
        local = LocalStores.maildir(dir.resolve("mail"));
        state = StateStores.sqlite(dir.resolve("state.db"));
    }

    @AfterEach
    void stop() {
        state.close();
        server.close();
    }

    SyncReport sync() {
        ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
        try {
            return SyncEngine.builder().remote(remote).local(local).state(state)
                    .settings(() -> SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build()).build()
                    .syncOnce();
        } finally {
            remote.close();
        }
    }

    List<String> serverIds(String folder) {
        return account.mailbox(folder).messages().stream().map(TestMessage::messageId).toList();
    }

    long localCount(FolderPath p) {
        return local.items(p).size();
    }

    @Test
    void twoFoldersThatDifferOnlyByNormalisationStayTwoOnBothSides() {
        account.create(NFC).append(Messages.simple("<composed@x>", "composed"));
        account.create(NFD).append(Messages.simple("<decomposed@x>", "decomposed"));
        List<String> before = account.names();

        sync();
        SyncReport again = sync();

        assertThat(again.changedAnything()).as(again.toString()).isFalse();
        assertThat(account.names()).isEqualTo(before);
        assertThat(serverIds(NFC)).containsExactly("<composed@x>");
        assertThat(serverIds(NFD)).containsExactly("<decomposed@x>");
        assertThat(local.folders()).extracting(LocalFolder::path).contains(FolderPath.of(NFC), FolderPath.of(NFD));
        assertThat(localCount(FolderPath.of(NFC))).isOne();
        assertThat(localCount(FolderPath.of(NFD))).isOne();
    }

    @Test
    void aFolderNameTooLongForTheFileSystemSyncsAndStaysPut() throws IOException {
        account.create("Projets/" + CJK_90).append(Messages.simple("<long@x>", "long"));
        account.create("Other").append(Messages.simple("<other@x>", "other"));
        List<String> before = account.names();

        sync();
        SyncReport again = sync();

        assertThat(again.changedAnything()).as(again.toString()).isFalse();
        assertThat(account.names()).isEqualTo(before);
        assertThat(serverIds("Projets/" + CJK_90)).containsExactly("<long@x>");
        FolderPath longPath = FolderPath.of("Projets", CJK_90);
        assertThat(local.items(longPath)).hasSize(1);
        assertThat(localCount(FolderPath.of("Other"))).isOne();
        try (Stream<Path> s = Files.list(dir.resolve("mail/Projets"))) {
            Path d = s.filter(p -> p.getFileName().toString().startsWith("\u65e5")).findFirst().orElseThrow();
            assertThat(d.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
            assertThat(Files.list(d.resolve("cur")).count()).isOne();
        }
        assertThat(LocalStores.maildir(dir.resolve("mail")).folders()).extracting(LocalFolder::path).contains(longPath);
    }

    @Test
    void foldersThatCannotBeRepresentedAreLeftOutAndTheRestSyncs() {
        account.createUnchecked("").append(Messages.simple("<empty@x>", "empty"));
        TestMailbox nul = account.createUnchecked("nul\u0000here");
        nul.append(Messages.simple("<nul@x>", "nul"));
        account.create("Other").append(Messages.simple("<other@x>", "other"));
        List<String> before = account.names();

        sync();
        SyncReport again = sync();

        assertThat(account.names()).isEqualTo(before);
        assertThat(localCount(FolderPath.of("Other"))).isOne();
        assertThat(again.changedAnything()).as(again.toString()).isFalse();
    }
}
