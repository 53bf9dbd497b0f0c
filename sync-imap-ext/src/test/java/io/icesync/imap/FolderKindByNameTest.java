package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.testkit.IceWarpServer;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Without METADATA, IceWarp's default groupware folder names give the kind on IceWarp only, the user's
 * names on any server; with METADATA, the server's type does.
 */
class FolderKindByNameTest {
    private static Map<FolderPath, FolderKind> kinds(IceWarpServer server) {
        try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build()) {
            s.connect();
            return s.folders().stream().collect(Collectors.toMap(Folder::path, Folder::kind));
        }
    }

    private static void seed(IceWarpServer server) {
        var a = server.account("jean@iwdemo.test");
        a.create("Calendrier");
        a.create("Contacts");
        a.create("Tâches");
        a.create("Projets");
        a.create("Projets/Notes");
        a.create("Notes").kind(FolderKind.MAIL);
    }

    @Test
    void withoutMetadataTheDefaultNamesSayTheKindOfTopLevelFoldersOnly() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").without("METADATA").start()) {
            seed(server);
            Map<FolderPath, FolderKind> k = kinds(server);
            assertThat(k).containsEntry(FolderPath.of("Calendrier"), FolderKind.EVENTS)
                    .containsEntry(FolderPath.of("Contacts"), FolderKind.CONTACTS)
                    .containsEntry(FolderPath.of("Tâches"), FolderKind.TASKS)
                    .containsEntry(FolderPath.of("Notes"), FolderKind.NOTES)
                    .containsEntry(FolderPath.of("Projets", "Notes"), FolderKind.MAIL)
                    .containsEntry(FolderPath.of("INBOX"), FolderKind.MAIL);
        }
    }

    @Test
    void onIceWarpTheTypeIsAlsoReadAndWrittenInTheWebClientsSpelling() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").trace(lines::add).start();
             ImapRemoteStore s = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                     .password("secret".toCharArray()).build()) {
            s.connect();
            s.createFolder(FolderPath.of("Agenda"), FolderKind.EVENTS);
            assertThat(s.folders()).filteredOn(f -> f.path().equals(FolderPath.of("Agenda")))
                    .extracting(Folder::kind).containsExactly(FolderKind.EVENTS);
        }
        assertThat(lines).anyMatch(l -> l.contains("SETMETADATA") && l.contains("/public/vendor/kolab/folder-type/value.shared"));
        assertThat(lines).anyMatch(l -> l.contains("GETMETADATA") && l.contains("/public/vendor/kolab/folder-type/value.shared"));
    }

    @Test
    void theUsersOverrideWinsAndAnotherNameMapReplacesIceWarpsNames() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").without("METADATA").start()) {
            seed(server);
            server.account("jean@iwdemo.test").create("Agenda");
            try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                    .password("secret".toCharArray()).folderNames(Map.of("Agenda", FolderKind.EVENTS))
                    .folderKind(FolderPath.of("Projets", "Notes"), FolderKind.NOTES)
                    .folderKind(FolderPath.of("Contacts"), FolderKind.MAIL).build()) {
                s.connect();
                Map<FolderPath, FolderKind> k = s.folders().stream().collect(Collectors.toMap(Folder::path, Folder::kind));
                assertThat(k).containsEntry(FolderPath.of("Agenda"), FolderKind.EVENTS)
                        .containsEntry(FolderPath.of("Calendrier"), FolderKind.MAIL)
                        .containsEntry(FolderPath.of("Projets", "Notes"), FolderKind.NOTES)
                        .containsEntry(FolderPath.of("Contacts"), FolderKind.MAIL);
            }
        }
    }

    @Test
    void onAServerThatIsNotIceWarpIceWarpsNamesSayNothing() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").without("METADATA")
                .without("X-ICEWARP-SERVER").start()) {
            seed(server);
            var a = server.account("jean@iwdemo.test");
            a.create("Documents");
            a.create("Files");
            a.create("Journal");
            Map<FolderPath, FolderKind> k = kinds(server);
            assertThat(k).containsKeys(FolderPath.of("INBOX"), FolderPath.of("Calendrier"), FolderPath.of("Contacts"),
                    FolderPath.of("Tâches"), FolderPath.of("Projets"), FolderPath.of("Projets", "Notes"),
                    FolderPath.of("Notes"), FolderPath.of("Documents"), FolderPath.of("Files"), FolderPath.of("Journal"));
            assertThat(k.values()).containsOnly(FolderKind.MAIL);
        }
    }

    @Test
    void onAServerThatIsNotIceWarpTheUsersNamesAndOverridesStillApply() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").without("METADATA")
                .without("X-ICEWARP-SERVER").start()) {
            seed(server);
            server.account("jean@iwdemo.test").create("Documents");
            try (ImapRemoteStore s = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                    .password("secret".toCharArray()).folderNames(FolderKind.defaultNames())
                    .folderKind(FolderPath.of("Projets"), FolderKind.TASKS).build()) {
                s.connect();
                Map<FolderPath, FolderKind> k = s.folders().stream().collect(Collectors.toMap(Folder::path, Folder::kind));
                assertThat(k).containsEntry(FolderPath.of("Calendrier"), FolderKind.EVENTS)
                        .containsEntry(FolderPath.of("Documents"), FolderKind.DOCUMENTS)
                        .containsEntry(FolderPath.of("Projets"), FolderKind.TASKS)
                        .containsEntry(FolderPath.of("Projets", "Notes"), FolderKind.MAIL);
            }
        }
    }

    @Test
    void withMetadataAnUntypedFolderIsMailWhateverItsName() {
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").start()) {
            seed(server);
            Map<FolderPath, FolderKind> k = kinds(server);
            assertThat(k).containsEntry(FolderPath.of("Calendrier"), FolderKind.MAIL)
                    .containsEntry(FolderPath.of("Notes"), FolderKind.MAIL);
        }
    }
}
