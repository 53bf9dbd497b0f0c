package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.UnsyncedFolder;
import io.icesync.core.spi.SessionEvent;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's name types it only on IceWarp: on another server without METADATA, folders named like
 * IceWarp's groupware folders are mail and their mail reaches the Maildir. A folder whose kind no
 * local store keeps is named in the report, the session log and the status, and stays untouched.
 */
class FolderNamesByServerTest {
    static final String JEAN = "jean@iwdemo.test";
    static final List<String> NAMES = List.of("Documents", "Files", "Notes", "Journal", "Contacts");

    @TempDir
    Path dir;

    static IceWarpServer.Builder server() {
        return IceWarpServer.builder().account(JEAN, "secret").without("METADATA");
    }

    static void seed(IceWarpServer server) {
        var a = server.account(JEAN);
        for (String n : NAMES) {
            var box = a.create(n);
            box.append(Messages.simple("<" + n + "-1@iwdemo.test>", "first in " + n));
            box.append(Messages.simple("<" + n + "-2@iwdemo.test>", "second in " + n));
        }
    }

    SyncReport syncOnce(IceWarpServer server) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()));
        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
            return sync.syncOnce();
        }
    }

    /** The files under {@code DIR/root[/folder]}, hidden ones left out. */
    List<String> files(String root, String... folder) throws IOException {
        Path p = dir.resolve(root);
        for (String f : folder) {
            p = p.resolve(f);
        }
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
                    .filter(n -> !n.contains("/.")).sorted().toList();
        }
    }

    @Test
    void onAServerThatIsNotIceWarpEveryFolderNamedLikeGroupwareIsMailAndItsMailIsSynced() throws Exception {
        try (IceWarpServer server = server().without("X-ICEWARP-SERVER").start()) {
            seed(server);
            SyncReport r = syncOnce(server);

            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.notSynced()).isEmpty();
            for (String n : NAMES) {
                assertThat(files("mail", n)).as(n).hasSize(2);
                assertThat(server.account(JEAN).mailbox(n).size()).as(n + " on the server").isEqualTo(2);
            }
            assertThat(files("groupware")).as("nothing in the vdir").isEmpty();
            assertThat(IceSync.syncedKinds(dir)).containsEntry(FolderPath.of("Documents"), FolderKind.MAIL)
                    .containsEntry(FolderPath.of("Notes"), FolderKind.MAIL);
        }
    }

    @Test
    void onIceWarpWithoutMetadataTheNamesStillDecideAndAFolderNoStoreKeepsIsReportedEverywhere() throws Exception {
        try (IceWarpServer server = server().start()) {
            seed(server);
            SyncReport r = syncOnce(server);

            assertThat(files("groupware", "Notes")).hasSize(2);
            assertThat(files("groupware", "Journal")).hasSize(2);
            assertThat(files("groupware", "Contacts")).hasSize(2);
            assertThat(files("mail", "Documents")).as("documents are kept by no local store").isEmpty();
            assertThat(files("mail", "Files")).isEmpty();
            assertThat(r.notSynced()).extracting(UnsyncedFolder::folder)
                    .containsExactly(FolderPath.of("Documents"), FolderPath.of("Files"));
            assertThat(r.notSynced()).allSatisfy(u -> {
                assertThat(u.kind()).isEqualTo(FolderKind.DOCUMENTS);
                assertThat(u.reason()).contains("documents").contains("stay on the server");
                assertThat(u.remedy()).contains("kind mail");
            });
            assertThat(r.summary()).contains("2 folders not synced");

            List<SessionEvent> log = IceSync.status(dir, 100).events();
            assertThat(log).anySatisfy(e -> {
                assertThat(e.level()).isEqualTo(SessionEvent.Level.WARNING);
                assertThat(e.message()).contains("Documents").contains("not synchronised");
                assertThat(e.details()).contains("documents");
            });
            ProfileStatus status = IceSync.status(dir, 100);
            assertThat(status.notSynced()).isEqualTo(r.notSynced());
            assertThat(status.lastCycle().summary()).contains("2 folders not synced");
            assertThat(server.account(JEAN).mailbox("Documents").size()).as("untouched on the server").isEqualTo(2);
            assertThat(server.account(JEAN).mailbox("Files").size()).isEqualTo(2);
        }
    }

    @Test
    void aDocumentsFolderGivenTheKindMailIsSyncedAndNoLongerReported() throws Exception {
        try (IceWarpServer server = server().start()) {
            seed(server);
            Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()))
                    .withFolderKind(FolderPath.of("Documents"), FolderKind.MAIL);
            try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
                SyncReport r = sync.syncOnce();
                assertThat(r.notSynced()).extracting(UnsyncedFolder::folder).containsExactly(FolderPath.of("Files"));
            }
            assertThat(files("mail", "Documents")).hasSize(2);
            assertThat(IceSync.status(dir, 10).notSynced()).extracting(UnsyncedFolder::folder)
                    .containsExactly(FolderPath.of("Files"));
        }
    }
}
