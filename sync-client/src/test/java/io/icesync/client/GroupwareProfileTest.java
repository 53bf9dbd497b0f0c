package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.NewMail;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GroupWare profile (F10.3): mail over POP3 into the INBOX, groupware over IMAP as usual. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class GroupwareProfileTest {
    static final String JEAN = "jean@iwdemo.test";
    static final FolderPath INBOX = FolderPath.of("INBOX");

    @TempDir
    Path dir;

    @Test
    void mailArrivesOnceOverPop3WhileGroupwareSyncsOverImapAndOtherMailFoldersStayOnTheServer(IceWarpServer server)
            throws Exception {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        inbox.append(Messages.simple("<one@x>", "one"));
        inbox.append(Messages.simple("<two@x>", "two"));
        server.account(JEAN).create("Contacts").kind(io.icesync.core.FolderKind.CONTACTS).appendObject(Messages.card("c1", "Chloé Petit"));
        server.account(JEAN).create("Projects").append(Messages.simple("<p@x>", "project mail"));

        try (IceSync sync = IceSync.create(dir, profile(server, Pop3Mail.leaveOnServer(server.pop3s())),
                "secret".toCharArray())) {
            SyncReport first = sync.syncOnce();
            assertThat(first.ok()).isTrue();
            assertThat(inboxReport(first).downloaded()).isEqualTo(2);
            assertThat(sync.syncOnce().downloaded()).as("nothing comes twice").isZero();
            inbox.append(Messages.simple("<three@x>", "three"));
            assertThat(inboxReport(sync.syncOnce()).downloaded()).isEqualTo(1);
        }
        assertThat(localMessageIds()).containsExactlyInAnyOrder("<one@x>", "<two@x>", "<three@x>");
        assertThat(inbox.messages()).as("a copy stays on the server").hasSize(3);
        assertThat(files("groupware", "Contacts")).as("groupware still syncs").hasSize(1);
        assertThat(dir.resolve("mail").resolve("Projects")).as("no mail comes over IMAP").doesNotExist();
        assertThat(dir.resolve("groupware").resolve("Projects")).doesNotExist();
        assertThat(server.account(JEAN).mailbox("Projects").messages()).hasSize(1);
    }

    @Test
    void mailArrivingOverPop3IsAnnouncedWithHowManyWhereAndTheHideAfterSetting(IceWarpServer server) throws Exception {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        inbox.append(Messages.simple("<before@x>", "already there"));
        Profile p = profile(server, Pop3Mail.leaveOnServer(server.pop3()));
        p = p.withSettings(p.settings().toBuilder().hideNewMailAfter(Duration.ofSeconds(12)).build());
        List<NewMail> told = new CopyOnWriteArrayList<>();
        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
            sync.addListener(new SyncListener() {
                @Override
                public void onNewMail(NewMail event) {
                    told.add(event);
                }
            });
            sync.syncOnce();
            assertThat(told).as("what the maildrop held before the first session is not new mail").isEmpty();
            inbox.append(Messages.simple("<new1@x>", "first new"));
            inbox.append(Messages.simple("<new2@x>", "second new"));
            sync.syncOnce();
            assertThat(told).containsExactly(new NewMail(INBOX, 2, Duration.ofSeconds(12)));
            sync.syncOnce();
            assertThat(told).as("nothing new, nothing told").hasSize(1);
        }
        assertThat(localMessageIds()).containsExactlyInAnyOrder("<before@x>", "<new1@x>", "<new2@x>");
    }

    @Test
    void theServerCopyIsDeletedTheGivenNumberOfDaysAfterItsDownloadNotBefore(IceWarpServer server) throws Exception {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        inbox.append(Messages.simple("<old@x>", "old"));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T08:00:00Z"));
        IceSync.builder().clock(now::get).create(dir, profile(server, Pop3Mail.deleteAfterDays(server.pop3(), 5)),
                "secret".toCharArray()).close();

        try (IceSync sync = IceSync.builder().clock(now::get).directory(dir).build()) {
            sync.syncOnce();
            inbox.append(Messages.simple("<new@x>", "new"));
            now.set(now.get().plus(Duration.ofDays(4)));
            sync.syncOnce();
            assertThat(inbox.messages()).extracting(TestMessage::messageId).containsExactly("<old@x>", "<new@x>");

            now.set(now.get().plus(Duration.ofDays(1)));
            FolderReport r = inboxReport(sync.syncOnce());
            assertThat(r.deletedOnServer()).isEqualTo(1);
            assertThat(inbox.messages()).extracting(TestMessage::messageId).containsExactly("<new@x>");
            sync.syncOnce();
        }
        assertThat(localMessageIds()).containsExactlyInAnyOrder("<old@x>", "<new@x>");
    }

    @Test
    void anInboxThatHoldsMailAlreadyFollowsTheFirstSyncRules(IceWarpServer server) throws Exception {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        inbox.append(Messages.simple("<both@x>", "on both sides"));
        inbox.append(Messages.simple("<server@x>", "on the server only"));
        Profile p = profile(server, Pop3Mail.leaveOnServer(server.pop3()));
        IceSync.builder().create(dir, p, "secret".toCharArray()).close();
        putLocal("<both@x>", "<local@x>");

        try (IceSync sync = IceSync.open(dir)) {
            assertThatThrownBy(sync::syncOnce).isInstanceOf(IceSyncException.class)
                    .hasMessageContaining("first sync").hasMessageContaining("2 messages");
        }
        assertThat(localMessageIds()).as("nothing changed").containsExactlyInAnyOrder("<both@x>", "<local@x>");

        try (IceSync sync = IceSync.builder().firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).directory(dir).build()) {
            sync.syncOnce();
        }
        assertThat(localMessageIds()).as("kept, and what both sides hold comes once")
                .containsExactlyInAnyOrder("<both@x>", "<local@x>", "<server@x>");
    }

    @Test
    void deleteLocalEmptiesTheInboxBeforeTheFirstDownload(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<server@x>", "on the server"));
        IceSync.builder().create(dir, profile(server, Pop3Mail.leaveOnServer(server.pop3())), "secret".toCharArray())
                .close();
        putLocal("<local@x>");
        try (IceSync sync = IceSync.builder().firstSync(n -> FirstSyncChoice.DELETE_LOCAL).directory(dir).build()) {
            sync.syncOnce();
        }
        assertThat(localMessageIds()).containsExactly("<server@x>");
    }

    @Test
    void twoProfilesSideBySideEachGetTheirOwnMail(IceWarpServer server, @TempDir Path other) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<for-jean@x>", "jean"));
        server.account("anne@iwdemo.test").mailbox("INBOX").append(Messages.simple("<for-anne@x>", "anne"));
        Profile anne = Profile.of(new Account("anne@iwdemo.test", "anne@iwdemo.test", server.imap()));
        anne = anne.withServices(anne.services().withPop3(Pop3Mail.leaveOnServer(server.pop3())));
        try (IceSync a = IceSync.create(dir, profile(server, Pop3Mail.leaveOnServer(server.pop3())),
                "secret".toCharArray()); IceSync b = IceSync.create(other, anne, "secret".toCharArray())) {
            a.syncOnce();
            b.syncOnce();
        }
        assertThat(localMessageIds()).containsExactly("<for-jean@x>");
        assertThat(messageIds(other)).containsExactly("<for-anne@x>");
    }

    @Test
    void aWrongPop3PasswordIsAClearErrorAndGroupwareStillSyncs(IceWarpServer server) throws Exception {
        server.account(JEAN).create("Contacts").kind(io.icesync.core.FolderKind.CONTACTS).appendObject(Messages.card("c1", "Chloé Petit"));
        try (IceSync sync = IceSync.create(dir, profile(server, Pop3Mail.leaveOnServer(server.pop3())),
                "secret".toCharArray())) {
            IceSync.storePassword(dir, "pop3", "wrong".toCharArray());
        }
        try (IceSync sync = IceSync.open(dir)) {
            assertThatThrownBy(sync::syncOnce).isInstanceOf(io.icesync.core.AuthenticationException.class)
                    .hasMessageContaining("POP3").hasMessageContaining(JEAN).hasMessageNotContaining("wrong");
        }
        assertThat(files("groupware", "Contacts")).hasSize(1);
    }

    static Profile profile(IceWarpServer server, Pop3Mail pop3) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()));
        return p.withServices(p.services().withPop3(pop3)).withTrustedCertificatePem(server.certificatePem());
    }

    private static FolderReport inboxReport(SyncReport r) {
        return r.folders().stream().filter(f -> f.folder().equals(INBOX)).findFirst().orElseThrow();
    }

    private void putLocal(String... messageIds) {
        try (LocalStore m = LocalStores.maildir(dir.resolve("mail"))) {
            m.createFolder(INBOX, io.icesync.core.FolderKind.MAIL);
            for (String id : messageIds) {
                m.add(INBOX, io.icesync.core.Flags.NONE, 0, new ByteArrayInputStream(Messages.simple(id, "local")));
            }
            m.flush();
        }
    }

    private List<String> localMessageIds() throws IOException {
        return messageIds(dir);
    }

    static List<String> messageIds(Path profileDir) throws IOException {
        List<String> out = new ArrayList<>();
        try (LocalStore m = LocalStores.maildir(profileDir.resolve("mail"))) {
            for (LocalItem i : m.items(INBOX)) {
                try (InputStream in = m.open(INBOX, i.id())) {
                    out.add(MessageHeaders.messageId(in));
                }
            }
        }
        return out;
    }

    private List<Path> files(String root, String folder) throws IOException {
        Path d = dir.resolve(root).resolve(folder);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
