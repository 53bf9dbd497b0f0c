package io.icesync.webdav.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents directory as another program sees it and as the engine sees it. */
class FileTreeLocalStoreTest {
    static final FolderPath FILES = FolderPath.of("Files");

    @TempDir
    Path dir;

    static InputStream content(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    String add(FileTreeLocalStore store, FolderPath folder, String name, String text) {
        return store.add(folder, Flags.NONE, 7, name, content(text));
    }

    @Test
    void aDownloadIsAPlainFileUnderItsServerName() throws IOException {
        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            store.createFolder(FILES, FolderKind.DOCUMENTS);
            String id = add(store, FILES, "Été.txt", "bonjour");
            store.flush();

            assertThat(Files.readString(dir.resolve("Files/Été.txt"))).isEqualTo("bonjour");
            LocalItem item = store.items(FILES).get(0);
            assertThat(item.id()).isEqualTo(id).endsWith("/Été.txt");
            assertThat(item.key()).isEqualTo("Été.txt");
            assertThat(item.name()).isEqualTo("Été.txt");
            assertThat(item.uidHint()).isEqualTo(7);
            try (InputStream in = store.open(FILES, id)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bonjour");
            }
        }
    }

    @Test
    void aDownloadWithoutAUsableNameIsNamedAfterItsUid() throws IOException {
        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            store.createFolder(FILES, FolderKind.DOCUMENTS);
            store.add(FILES, Flags.NONE, 7, content("no name"));
            store.add(FILES, Flags.NONE, 8, null, content("null"));
            store.add(FILES, Flags.NONE, 9, "../escape.txt", content("a path"));
            store.add(FILES, Flags.NONE, 10, ".icesync-items.json", content("ours"));
            store.flush();

            assertThat(store.items(FILES)).extracting(LocalItem::name)
                    .containsExactly("document-10", "document-7", "document-8", "document-9");
            assertThat(Files.readString(dir.resolve("Files/document-9"))).isEqualTo("a path");
            assertThat(dir.resolve("escape.txt")).doesNotExist();
        }
    }

    @Test
    void aDownloadKilledBeforeTheFlushNeverAppearsAndAFlushedOneKeepsItsUidHint() throws IOException {
        FileTreeLocalStore killed = new FileTreeLocalStore(dir);
        killed.createFolder(FILES, FolderKind.DOCUMENTS);
        String id = add(killed, FILES, "rapport.pdf", "v1");
        assertThat(killed.items(FILES)).extracting(LocalItem::id).containsExactly(id);
        assertThat(dir.resolve("Files/rapport.pdf")).doesNotExist();
        // the process dies here, before the flush

        try (FileTreeLocalStore next = new FileTreeLocalStore(dir)) {
            assertThat(next.items(FILES)).isEmpty();
            try (var files = Files.list(dir.resolve("Files"))) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".icesync-tmp-"));
            }
            add(next, FILES, "rapport.pdf", "v1");
            next.flush();
        }
        try (FileTreeLocalStore again = new FileTreeLocalStore(dir)) {
            assertThat(again.items(FILES)).singleElement().satisfies(i -> assertThat(i.uidHint()).isEqualTo(7));
        }
    }

    @Test
    void aTakenNameGivesAnotherFileKeyedByTheWantedName() throws IOException {
        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            store.createFolder(FILES, FolderKind.DOCUMENTS);
            Files.writeString(dir.resolve("Files/report.pdf"), "mine");
            add(store, FILES, "report.pdf", "theirs");
            store.flush(); // other programs see a download once it is flushed

            assertThat(Files.readString(dir.resolve("Files/report (2).pdf"))).isEqualTo("theirs");
            assertThat(store.items(FILES)).extracting(LocalItem::key).containsExactly("report.pdf", "report.pdf");
            assertThat(store.items(FILES)).extracting(LocalItem::name).containsExactly("report (2).pdf", "report.pdf");
            assertThat(Files.readString(dir.resolve("Files/report.pdf"))).isEqualTo("mine");
        }
    }

    @Test
    void anEditChangesTheVersionAndNothingElse() throws IOException {
        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            store.createFolder(FILES, FolderKind.DOCUMENTS);
            add(store, FILES, "a.txt", "one");
            LocalItem before = store.items(FILES).get(0);
            assertThat(store.items(FILES).get(0).version()).isEqualTo(before.version());

            Files.writeString(dir.resolve("Files/a.txt"), "two");
            LocalItem after = store.items(FILES).get(0);

            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.version()).isNotEqualTo(before.version());
        }
    }

    @Test
    void aFolderRenamedByAnotherProgramKeepsItsIdAndItsItems() throws IOException {
        String folderId;
        String itemId;
        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            folderId = store.createFolder(FILES.child("Old"), FolderKind.DOCUMENTS).id();
            itemId = add(store, FILES.child("Old"), "a.txt", "x");
            store.setFlags(FILES.child("Old"), itemId, Flags.of(Flag.FLAGGED));
        }
        Files.move(dir.resolve("Files/Old"), dir.resolve("Files/New"));

        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            List<LocalFolder> folders = store.folders();
            assertThat(folders).extracting(LocalFolder::path).containsExactly(FILES, FILES.child("New"));
            assertThat(folders.get(1).id()).isEqualTo(folderId);
            LocalItem item = store.items(FILES.child("New")).get(0);
            assertThat(item.id()).isEqualTo(itemId);
            assertThat(item.flags()).isEqualTo(Flags.of(Flag.FLAGGED));
        }
    }

    @Test
    void icesyncOwnFilesAreNeverDocumentsAndOnlyDocumentsFoldersHoldItems() throws IOException {
        try (FileTreeLocalStore store = new FileTreeLocalStore(dir)) {
            store.createFolder(FILES, FolderKind.DOCUMENTS);
            add(store, FILES, "a.txt", "x");
            store.flush();

            try (var names = Files.list(dir.resolve("Files")).map(p -> p.getFileName().toString())) {
                assertThat(names.toList()).contains(FileTreeLocalStore.FOLDER_ID_FILE, "a.txt");
            }
            assertThat(store.items(FILES)).extracting(LocalItem::key).containsExactly("a.txt");
            assertThat(store.syncsItemsOf(FolderKind.DOCUMENTS)).isTrue();
            assertThat(store.syncsItemsOf(FolderKind.MAIL)).isFalse();
            assertThat(store.syncsItemsOf(FolderKind.EVENTS)).isFalse();
        }
    }
}
