package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.WebDavFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One profile, several services: the mail of the IMAP account and the documents of its WebDAV files
 * come down in one cycle into {@code mail/} and {@code documents/}, edits on either side go both
 * ways, and each service keeps its state in its own scope of the one {@code state.db}.
 */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:anne-pw"})
class AccountServicesTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    static Profile profile(IceWarpServer server) {
        return new Profile(new Account(JEAN, JEAN, server.imap()), io.icesync.core.settings.SyncSettings.defaults(),
                server.certificatePem()).withServices(Services.NONE.withDocuments(server.webdav().url()));
    }

    static WebDavFiles files(IceWarpServer server) {
        WebDavFiles f = server.webdav().files(JEAN);
        f.delete("");
        return f;
    }

    static List<String> tree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.contains("/.") && !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void oneCycleBringsMailAndDocumentsAndEditsGoBothWays(IceWarpServer server) throws Exception {
        Path dir = tmp.resolve("p");
        WebDavFiles files = files(server);
        files.put("Plan.txt", "plan v1".getBytes(StandardCharsets.UTF_8));
        files.put("Projets/Été/devis.txt", "devis".getBytes(StandardCharsets.UTF_8));
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<hello-1@iwdemo.test>", "Hello"));

        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            SyncReport first = sync.syncOnce();
            assertThat(first.ok()).as(first.summary()).isTrue();
        }
        assertThat(tree(dir.resolve("documents"))).containsExactly("Files/Plan.txt", "Files/Projets/Été/devis.txt");
        assertThat(tree(dir.resolve("mail"))).anyMatch(p -> p.startsWith("INBOX/") || p.contains("/cur/")
                || p.contains("/new/"));

        Files.writeString(dir.resolve("documents/Files/Notes.txt"), "from the laptop");
        files.put("Plan.txt", "plan v2".getBytes(StandardCharsets.UTF_8));
        try (IceSync sync = IceSync.open(dir)) {
            SyncReport second = sync.syncOnce();
            assertThat(second.ok()).as(second.summary()).isTrue();
            assertThat(sync.events(50)).extracting(SessionEvent::message).anyMatch(m -> m.startsWith("documents: "));
        }
        assertThat(new String(files.get("Notes.txt").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("from the laptop");
        assertThat(Files.readString(dir.resolve("documents/Files/Plan.txt"))).isEqualTo("plan v2");

        try (SyncStateStore mail = StateStores.sqlite(dir.resolve(IceSync.STATE_FILE));
             SyncStateStore docs = StateStores.sqlite(dir.resolve(IceSync.STATE_FILE), "documents")) {
            assertThat(mail.folders()).extracting(f -> f.path().toString()).contains("INBOX")
                    .noneMatch(p -> p.startsWith("Files"));
            assertThat(docs.folders()).extracting(f -> f.path().toString()).contains("Files")
                    .doesNotContain("INBOX");
        }
        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.syncOnce().changedAnything()).as("a third cycle has nothing to do").isFalse();
        }
    }

    @Test
    void statusCountsTheItemsOfEveryService(IceWarpServer server) {
        Path dir = tmp.resolve("p");
        WebDavFiles files = files(server);
        files.put("Plan.txt", "plan".getBytes(StandardCharsets.UTF_8));
        files.put("Projets/devis.txt", "devis".getBytes(StandardCharsets.UTF_8));
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<status-1@iwdemo.test>", "Hello"));
        ProfileStatus open;
        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
            open = sync.status(0);
        }
        long mailItems;
        int mailFolders;
        try (SyncStateStore mail = StateStores.sqlite(dir.resolve(IceSync.STATE_FILE))) {
            mailItems = mail.itemCount();
            mailFolders = mail.folders().size();
        }
        assertThat(mailItems).isPositive();
        ProfileStatus read = IceSync.status(dir, 0);
        assertThat(read.items()).as("mail items and the two documents").isEqualTo(mailItems + 2);
        assertThat(read.folders()).as("mail folders, Files and Files/Projets").isEqualTo(mailFolders + 2);
        assertThat(open.items()).isEqualTo(read.items());
        assertThat(open.folders()).isEqualTo(read.folders());
    }

    @Test
    void aServiceSignsInWithItsOwnLoginAndPasswordWhenTheProfileHasThem(IceWarpServer server) throws Exception {
        WebDavFiles annes = server.webdav().files("anne@iwdemo.test");
        annes.delete("");
        annes.put("Partagé.txt", "chez Anne".getBytes(StandardCharsets.UTF_8));
        Path dir = tmp.resolve("p");
        Profile p = profile(server).withServices(profile(server).services()
                .withLogins(java.util.Map.of("documents", "anne@iwdemo.test")));
        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
            assertThatThrownBy(sync::syncOnce).as("the account's password does not open Anne's files")
                    .isInstanceOf(io.icesync.core.AuthenticationException.class);
        }
        IceSync.storePassword(dir, "documents", "anne-pw".toCharArray());
        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.syncOnce().ok()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("documents/Files/Partagé.txt"))).isEqualTo("chez Anne");
        assertThat(Files.readString(dir.resolve(IceSync.SECRETS_FILE))).contains("#documents");
        assertThatThrownBy(() -> IceSync.storePassword(dir, "ftp", "x".toCharArray()))
                .isInstanceOf(io.icesync.core.InvalidSettingException.class).hasMessageContaining("ftp");
    }

    @Test
    void theServicesSurviveTheProfileFile(IceWarpServer server) {
        Profile p = profile(server).withServices(profile(server).services()
                .withGroupware(Services.GroupwareSource.DAV).withCaldav(java.net.URI.create("https://dav.example.test/"))
                .withLogins(java.util.Map.of("caldav", "jean")));
        assertThat(Profile.fromJson(p.toJson())).isEqualTo(p);
    }
}
