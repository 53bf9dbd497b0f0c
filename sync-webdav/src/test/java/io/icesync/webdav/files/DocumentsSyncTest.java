package io.icesync.webdav.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.DownloadMode;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.WebDavFiles;
import io.icesync.webdav.WebDavClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A documents tree synced two ways between the test server's WebDAV Files and a plain directory,
 * through the real engine: what a user sees in a file manager and in another WebDAV client.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class DocumentsSyncTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    SyncStateStore state;
    SyncSettings settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();

    @AfterEach
    void closeState() {
        if (state != null) {
            state.close();
        }
    }

    /** The account's files, emptied: the server lives as long as the class. */
    static WebDavFiles serverFiles(IceWarpServer server) {
        WebDavFiles files = server.webdav().files(JEAN);
        files.delete("");
        return files;
    }

    SyncReport sync(IceWarpServer server) {
        if (state == null) {
            state = StateStores.sqlite(dir.resolve("state.db"));
        }
        SyncSettings s = settings;
        try (WebDavClient client = WebDavClient.builder(server.webdavUrl()).credentials(JEAN, "secret".toCharArray())
                .trust(CertificateTrust.inMemory(server.certificate())).timeout(Duration.ofSeconds(20)).build();
             WebDavFilesRemoteStore remote = WebDavFilesRemoteStore.builder().client(client)
                     .state(dir.resolve("files-state.json")).settings(() -> s).build();
             FileTreeLocalStore local = new FileTreeLocalStore(dir.resolve("docs"))) {
            SyncReport r = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s).build().syncOnce();
            assertThat(r.ok()).as(r.summary()).isTrue();
            return r;
        }
    }

    Path local(String relative) {
        return dir.resolve("docs").resolve("Files").resolve(relative);
    }

    /** The documents a user sees in a folder of the local tree (IceSync's hidden files left out). */
    List<String> localNames(String relative) throws IOException {
        try (Stream<Path> s = Files.list(relative.isEmpty() ? dir.resolve("docs/Files") : local(relative))) {
            return s.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(WebDavFiles files, String path) {
        return new String(files.get(path).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void theServerTreeArrivesAsPlainFilesAndARerunChangesNothing(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        files.put("Plan.txt", bytes("plan v1"));
        files.put("Projets/Été 2026/devis.txt", bytes("devis"));

        sync(server);

        assertThat(localNames("")).containsExactly("Plan.txt", "Projets/");
        assertThat(Files.readString(local("Plan.txt"))).isEqualTo("plan v1");
        assertThat(Files.readString(local("Projets/Été 2026/devis.txt"))).isEqualTo("devis");
        assertThat(sync(server).changedAnything()).isFalse();
        assertThat(files.list()).containsExactly("Plan.txt", "Projets/", "Projets/Été 2026/", "Projets/Été 2026/devis.txt");
    }

    @Test
    void filesCreatedEditedAndDeletedOnEitherSideReachTheOther(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        for (String n : List.of("a.txt", "b.txt", "c.txt", "d.txt")) {
            files.put(n, bytes(n + " v1"));
        }
        sync(server);

        files.put("a.txt", bytes("a.txt edited on the server"));
        files.delete("b.txt");
        files.put("new on server.txt", bytes("from the server"));
        files.put("Server folder/inside.txt", bytes("server sub-folder"));
        Files.writeString(local("c.txt"), "c.txt edited here");
        Files.delete(local("d.txt"));
        Files.writeString(local("new here.txt"), "from the client");
        Files.createDirectories(local("Client folder"));
        Files.writeString(local("Client folder/inside.txt"), "client sub-folder");

        SyncReport r = sync(server);

        assertThat(r.changedAnything()).isTrue();
        assertThat(files.list()).containsExactly("Client folder/", "Client folder/inside.txt", "Server folder/",
                "Server folder/inside.txt", "a.txt", "c.txt", "new here.txt", "new on server.txt");
        assertThat(text(files, "a.txt")).isEqualTo("a.txt edited on the server");
        assertThat(text(files, "c.txt")).isEqualTo("c.txt edited here");
        assertThat(text(files, "new here.txt")).isEqualTo("from the client");
        assertThat(text(files, "Client folder/inside.txt")).isEqualTo("client sub-folder");

        assertThat(localNames("")).containsExactly("Client folder/", "Server folder/", "a.txt", "c.txt",
                "new here.txt", "new on server.txt");
        assertThat(Files.readString(local("a.txt"))).isEqualTo("a.txt edited on the server");
        assertThat(Files.readString(local("c.txt"))).isEqualTo("c.txt edited here");
        assertThat(Files.readString(local("new on server.txt"))).isEqualTo("from the server");
        assertThat(Files.readString(local("Server folder/inside.txt"))).isEqualTo("server sub-folder");

        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aLocalEditKeepsTheFileNameOnTheServer(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        files.put("Notes/report.txt", bytes("v1"));
        sync(server);

        Files.writeString(local("Notes/report.txt"), "v2");
        sync(server);
        Files.writeString(local("Notes/report.txt"), "v3, longer");
        sync(server);

        assertThat(files.list()).containsExactly("Notes/", "Notes/report.txt");
        assertThat(text(files, "Notes/report.txt")).isEqualTo("v3, longer");
        assertThat(localNames("Notes")).containsExactly("report.txt");
        assertThat(sync(server).changedAnything()).isFalse();
        // An edit goes over the version it replaces in one PUT (If-Match), so the server never holds two copies
        // and never loses what another client wrote meanwhile.
        assertThat(server.webdav().requests("PUT")).hasSize(2)
                .allSatisfy(put -> assertThat(put.header("If-Match")).isNotNull());
        assertThat(server.webdav().requests("MOVE")).as("no copy parked beside the old version").isEmpty();
        assertThat(server.webdav().requests("DELETE")).isEmpty();
    }

    @Test
    void aFolderMovedOnTheServerByAnotherClientIsRenamedHereWithoutADownload(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        files.put("Projets/plan.txt", bytes("plan"));
        files.put("Projets/Budget/2026.txt", bytes("budget"));
        files.put("Autres/notes.txt", bytes("notes"));
        sync(server);
        Files.writeString(local("Projets/Budget/local.txt"), "made here meanwhile");

        try (WebDavClient other = WebDavClient.builder(server.webdavUrl()).credentials(JEAN, "secret".toCharArray())
                .trust(CertificateTrust.inMemory(server.certificate())).build()) {
            other.move("Projets/", "Archives 2026/", false);
        }
        SyncReport r = sync(server);

        assertThat(r.downloaded()).as(r.summary()).isZero();
        assertThat(localNames("")).containsExactly("Archives 2026/", "Autres/");
        assertThat(Files.readString(local("Archives 2026/plan.txt"))).isEqualTo("plan");
        assertThat(Files.readString(local("Archives 2026/Budget/2026.txt"))).isEqualTo("budget");
        assertThat(text(files, "Archives 2026/Budget/local.txt")).isEqualTo("made here meanwhile");
        assertThat(files.list()).doesNotContain("Projets/");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aFolderDeletedOnTheServerWhileAFileIsNewHereInsideItComesBackWithTheFile(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        files.put("Projets/plan.txt", bytes("plan"));
        files.put("Projets/Budget/2026.txt", bytes("budget"));
        sync(server);
        Files.writeString(local("Projets/Budget/local.txt"), "made here meanwhile");

        files.delete("Projets");
        sync(server);

        assertThat(text(files, "Projets/Budget/local.txt")).isEqualTo("made here meanwhile");
        assertThat(Files.readString(local("Projets/Budget/local.txt"))).isEqualTo("made here meanwhile");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aNewFileGivenTheSameNameOnBothSidesLosesNeitherContent(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        files.mkdirs("Shared");
        sync(server);

        files.put("Shared/minutes.txt", bytes("written on the server"));
        Files.writeString(local("Shared/minutes.txt"), "written on the client");
        sync(server);

        assertThat(files.list()).containsExactly("Shared/", "Shared/minutes (2).txt", "Shared/minutes.txt");
        assertThat(List.of(text(files, "Shared/minutes.txt"), text(files, "Shared/minutes (2).txt")))
                .containsExactlyInAnyOrder("written on the server", "written on the client");
        assertThat(localNames("Shared")).containsExactly("minutes (2).txt", "minutes.txt");
        assertThat(List.of(Files.readString(local("Shared/minutes.txt")), Files.readString(local("Shared/minutes (2).txt"))))
                .containsExactlyInAnyOrder("written on the server", "written on the client");
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aFileEditedOnBothSidesEndsAsThePolicySaysWithOneCopy(ConflictPolicy policy, IceWarpServer server)
            throws IOException {
        settings = settings.toBuilder().conflictPolicy(policy).build();
        WebDavFiles files = serverFiles(server);
        files.put("shared.txt", bytes("original"));
        files.put("other.txt", bytes("untouched"));
        sync(server);

        files.put("shared.txt", bytes("edited on the server"));
        Files.writeString(local("shared.txt"), "edited here, on the client");
        sync(server);

        String winner = policy == ConflictPolicy.CLIENT_WINS ? "edited here, on the client" : "edited on the server";
        assertThat(files.list()).containsExactly("other.txt", "shared.txt");
        assertThat(text(files, "shared.txt")).isEqualTo(winner);
        assertThat(localNames("")).containsExactly("other.txt", "shared.txt");
        assertThat(Files.readString(local("shared.txt"))).isEqualTo(winner);
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void aFileOverTheThresholdArrivesEmptyThenWholeWhenTheThresholdIsRaised(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        new Random(7).nextBytes(big);
        files.put("video.bin", big);
        files.put("small.txt", bytes("small"));
        settings = settings.toBuilder().downloadMode(DownloadMode.CUSTOM).downloadThresholdMb(1)
                .applyThresholdToExisting(true).build();

        sync(server);

        assertThat(localNames("")).containsExactly("small.txt", "video.bin");
        assertThat(Files.size(local("video.bin"))).isZero();
        assertThat(Files.readString(local("small.txt"))).isEqualTo("small");
        assertThat(sync(server).changedAnything()).isFalse();

        settings = settings.toBuilder().downloadThresholdMb(3).build();
        SyncReport r = sync(server);

        assertThat(r.downloaded()).isEqualTo(1);
        assertThat(Files.readAllBytes(local("video.bin"))).isEqualTo(big);
        assertThat(files.list()).containsExactly("small.txt", "video.bin");
        assertThat(files.get("video.bin").orElseThrow()).isEqualTo(big);
        assertThat(sync(server).changedAnything()).isFalse();
    }

    @Test
    void wholeDocumentsIgnoreTheThreshold(IceWarpServer server) throws IOException {
        WebDavFiles files = serverFiles(server);
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        new Random(8).nextBytes(big);
        files.put("video.bin", big);
        settings = settings.toBuilder().downloadMode(DownloadMode.CUSTOM).downloadThresholdMb(1)
                .wholeDocuments(true).build();

        sync(server);

        assertThat(Files.readAllBytes(local("video.bin"))).isEqualTo(big);
        assertThat(sync(server).changedAnything()).isFalse();
    }
}
