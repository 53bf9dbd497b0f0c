package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder directory names and object file names of the vdir: exact, reversible, within file system limits. */
class VdirNamesTest {
    static final String NFC = "Caf\u00e9";
    static final String NFD = "Cafe\u0301";
    static final String CJK_90 = "\u65e5".repeat(90);

    @TempDir
    Path root;

    @Test
    void namesThatDifferOnlyByNormalisationAreTwoDirectoriesAndTwoFolders() {
        assertThat(VdirFiles.dirName(NFC)).isNotEqualTo(VdirFiles.dirName(NFD));
        VdirLocalStore store = new VdirLocalStore(root);
        LocalFolder a = store.createFolder(FolderPath.of(NFC), FolderKind.EVENTS);
        LocalFolder b = store.createFolder(FolderPath.of(NFD), FolderKind.EVENTS);

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(new VdirLocalStore(root).folders()).extracting(LocalFolder::path)
                .contains(FolderPath.of(NFC), FolderPath.of(NFD));
    }

    @Test
    void everyValidNameReadsBackFromItsDirectoryName() {
        Random r = new Random(11);
        int[] pool = {'a', '.', '%', '/', '\\', 0, '\n', 0x7f, '~', 0xe9, 0x301, 0x4e2d, 0x1f600};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(8);
            for (int i = 0; i < len; i++) {
                int cp = r.nextInt(3) == 0 ? r.nextInt(0x30000) : pool[r.nextInt(pool.length)];
                if (cp >= 0xd800 && cp <= 0xdfff) {
                    cp = 'x';
                }
                b.appendCodePoint(cp);
            }
            String name = b.toString();
            assertThat(VdirFiles.segment(VdirFiles.dirName(name))).as(name).isEqualTo(name);
        }
    }

    @Test
    void aFolderNameTooLongForTheFileSystemIsShortenedOnDiskAndKeptWhole() throws IOException {
        String dir = VdirFiles.dirName(CJK_90);
        assertThat(dir.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(VdirFiles.MAX_DIR_BYTES);
        assertThat(VdirFiles.shortenedFrom(dir, CJK_90)).isTrue();
        assertThat(VdirFiles.dirName(CJK_90 + "x")).isNotEqualTo(dir);

        VdirLocalStore store = new VdirLocalStore(root);
        FolderPath cal = FolderPath.of("Calendars", CJK_90);
        store.createFolder(cal, FolderKind.EVENTS);
        store.add(cal, Flags.NONE, 1, VdirLocalStoreTest.message("e1", "Lunch"));
        store.flush();

        VdirLocalStore again = new VdirLocalStore(root);
        assertThat(again.folders()).extracting(LocalFolder::path).contains(cal);
        assertThat(again.items(cal)).extracting(LocalItem::key).containsExactly("e1");
        FolderPath longer = FolderPath.of("Calendars", CJK_90 + "\u65e5");
        again.renameFolder(cal, longer);
        assertThat(new VdirLocalStore(root).folders()).extracting(LocalFolder::path).contains(longer)
                .doesNotContain(cal);
        try (Stream<Path> s = Files.list(root.resolve("Calendars"))) {
            assertThat(s.map(p -> p.getFileName().toString())).filteredOn(n -> !n.startsWith("."))
                    .allMatch(n -> n.getBytes(StandardCharsets.UTF_8).length < 255);
        }
    }

    @Test
    void aLongKeyGivesAFileNameUnder255BytesDistinctFromAnotherLongKey() {
        String uid = "\u65e5".repeat(120);
        String name = VdirFiles.fileName(uid + "a", "fallback", "ics");
        String other = VdirFiles.fileName(uid + "b", "fallback", "ics");

        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(name).startsWith("\u65e5".repeat(40)).endsWith(".ics").isNotEqualTo(other);
        assertThat(VdirFiles.fileName("short-uid@x", "fallback", "ics")).isEqualTo("short-uid@x.ics");
    }

    @Test
    void anObjectWithALongUidIsStoredAndListed() {
        VdirLocalStore store = new VdirLocalStore(root);
        FolderPath cal = FolderPath.of("Calendar");
        store.createFolder(cal, FolderKind.EVENTS);
        String uid = "\u65e5".repeat(120);
        store.add(cal, Flags.NONE, 1, VdirLocalStoreTest.message(uid, "Lunch"));
        store.flush();

        assertThat(new VdirLocalStore(root).items(cal)).extracting(LocalItem::key).containsExactly(uid);
    }
}
