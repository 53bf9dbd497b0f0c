package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirLocalStoreTest extends LocalStoreContract {
    @TempDir
    Path root;

    @Override
    LocalStore newStore() {
        return LocalStores.maildir(root);
    }

    @Override
    LocalStore reopen() {
        return LocalStores.maildir(root);
    }

    private List<String> files(String rel) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(rel))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fileNamesFollowMbsyncAndDovecotConventions() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.add(INBOX, Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1"), 17, text("x"));
        store.flush();

        assertThat(files("INBOX/cur")).singleElement().asString().matches("\\d+\\.\\d+_\\d+\\.[^/:,]+,U=17:2,FSa");
        assertThat(Files.readString(root.resolve("INBOX/dovecot-keywords"))).isEqualTo("0 $label1\n");
        assertThat(files("INBOX/tmp")).isEmpty();
    }

    @Test
    void nothingIsInCurBeforeFlushAndTmpLeftoversAreRemovedOnOpen() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.add(INBOX, Flags.NONE, 1, text("unflushed"));
        assertThat(files("INBOX/cur")).isEmpty();

        LocalStore afterCrash = LocalStores.maildir(root);

        assertThat(files("INBOX/tmp")).isEmpty();
        assertThat(afterCrash.items(INBOX)).isEmpty();
    }

    @Test
    void aFileMovedByAnotherProgramIsFoundWithTheSameId() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(FolderPath.of("Archive"), FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN), 5, text("x"));
        store.flush();
        String name = files("INBOX/cur").get(0);

        Files.move(root.resolve("INBOX/cur").resolve(name), root.resolve("Archive/cur").resolve(name));

        assertThat(store.items(INBOX)).isEmpty();
        assertThat(store.items(FolderPath.of("Archive"))).singleElement().extracting(LocalItem::id).isEqualTo(id);
        try (InputStream in = store.open(FolderPath.of("Archive"), id)) {
            assertThat(in.readAllBytes()).isEqualTo("x".getBytes());
        }
    }

    @Test
    void aFolderRenamedByAnotherProgramKeepsItsId() throws IOException {
        String id = store.createFolder(FolderPath.of("Old"), FolderKind.MAIL).id();
        Files.move(root.resolve("Old"), root.resolve("New"));
        assertThat(store.folders()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(FolderPath.of("New"));
            assertThat(f.id()).isEqualTo(id);
        });
    }

    @Test
    void foldersAndMessagesMadeByOtherProgramsAreRead() throws IOException {
        Path inbox = root.resolve("Mutt box");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(inbox.resolve(sub));
        }
        Files.writeString(inbox.resolve("new/1700000000.M1P2.host"), "Subject: fresh\r\n\r\n");
        Files.writeString(inbox.resolve("cur/1700000001.M3P4.host,S=20:2,RS"), "Subject: read\r\n\r\n");

        List<LocalFolder> folders = store.folders();
        assertThat(folders).extracting(LocalFolder::path).containsExactly(FolderPath.of("Mutt box"));
        assertThat(store.items(FolderPath.of("Mutt box"))).extracting(LocalItem::flags)
                .containsExactlyInAnyOrder(Flags.NONE, Flags.of(Flag.ANSWERED, Flag.SEEN));
        LocalItem read = store.items(FolderPath.of("Mutt box")).stream()
                .filter(i -> i.flags().has(Flag.SEEN)).findFirst().orElseThrow();
        store.setFlags(FolderPath.of("Mutt box"), read.id(), Flags.of(Flag.SEEN));
        assertThat(files("Mutt box/cur")).contains("1700000001.M3P4.host,S=20:2,S");
    }

    @Test
    void aLargeItemIsStreamedNotHeld() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        long size = 64L * 1024 * 1024;
        InputStream big = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        store.add(INBOX, Flags.NONE, 0, big);
        long grew = rt.totalMemory() - rt.freeMemory() - before;
        store.flush();
        assertThat(store.items(INBOX)).singleElement().extracting(LocalItem::size).isEqualTo(size);
        assertThat(grew).as("heap growth while writing a 64 MB item").isLessThan(size / 2);
    }
}
