package io.icesync.webdav.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.RemoteItem;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.WebDavFiles;
import io.icesync.webdav.WebDavClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names through the SPI's name hints: uploads take the name given, listings and fetches give it. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class WebDavFilesRemoteStoreTest {
    static final FolderPath FILES = FolderPath.of("Files");

    @TempDir
    Path dir;

    void withStore(IceWarpServer server, Consumer<WebDavFilesRemoteStore> body) {
        try (WebDavClient client = WebDavClient.builder(server.webdavUrl())
                .credentials(DocumentsSyncTest.JEAN, "secret".toCharArray())
                .trust(CertificateTrust.inMemory(server.certificate())).timeout(Duration.ofSeconds(20)).build();
             WebDavFilesRemoteStore store = WebDavFilesRemoteStore.builder().client(client)
                     .state(dir.resolve("files-state.json")).build()) {
            store.connect();
            body.accept(store);
        }
    }

    static long append(WebDavFilesRemoteStore store, String name, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return store.append(FILES, Flags.NONE, null, b.length, name, () -> new ByteArrayInputStream(b));
    }

    @Test
    void anUploadTakesTheNameGivenAndIsListedAndFetchedUnderIt(IceWarpServer server) {
        WebDavFiles files = DocumentsSyncTest.serverFiles(server);
        withStore(server, store -> {
            long uid = append(store, "Été 2026.txt", "vacances");

            assertThat(files.list()).containsExactly("Été 2026.txt");
            assertThat(store.changes(FILES, null, false).items()).singleElement().satisfies(r -> {
                assertThat(r.uid()).isEqualTo(uid);
                assertThat(r.name()).isEqualTo("Été 2026.txt");
            });

            // Asked for by UID alone, the item still comes with its name.
            List<RemoteItem> got = new ArrayList<>();
            store.fetch(FILES, List.of(new RemoteItem(uid, Flags.NONE, 8, null, null)), FetchMode.FULL,
                    (item, partial, in) -> {
                        got.add(item);
                        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("vacances");
                    });
            assertThat(got).extracting(RemoteItem::name).containsExactly("Été 2026.txt");
        });
    }

    @Test
    void anUploadWithoutAUsableNameGetsOneOfItsOwn(IceWarpServer server) {
        WebDavFiles files = DocumentsSyncTest.serverFiles(server);
        withStore(server, store -> {
            byte[] b = "no name".getBytes(StandardCharsets.UTF_8);
            store.append(FILES, Flags.NONE, null, b.length, () -> new ByteArrayInputStream(b));
            append(store, null, "null");
            append(store, "sub/escape.txt", "a path");
            append(store, ".icesync-state", "ours");

            assertThat(files.list()).hasSize(4).allSatisfy(n -> assertThat(n).startsWith("document-"));
            assertThat(store.changes(FILES, null, false).items()).extracting(RemoteItem::name)
                    .allSatisfy(n -> assertThat(n).startsWith("document-"));
        });
    }

    @Test
    void aTakenNameIsNeverOverwritten(IceWarpServer server) {
        WebDavFiles files = DocumentsSyncTest.serverFiles(server);
        files.put("report.txt", "theirs".getBytes(StandardCharsets.UTF_8));
        withStore(server, store -> {
            long uid = append(store, "report.txt", "mine");

            assertThat(files.list()).containsExactly("report (2).txt", "report.txt");
            assertThat(new String(files.get("report.txt").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("theirs");
            assertThat(store.changes(FILES, null, false).items()).filteredOn(r -> r.uid() == uid)
                    .extracting(RemoteItem::name).containsExactly("report (2).txt");
        });
    }
}
