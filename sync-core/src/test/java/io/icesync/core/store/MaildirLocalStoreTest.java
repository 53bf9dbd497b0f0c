package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maildir store on disk, as mutt, mbsync and Dovecot users (and their programs) see it. */
class MaildirLocalStoreTest extends LocalStoreContract {
    /** mbsync's name: {@code <epochSeconds>.<pid>_<counter>.<host>,U=<uid>:2,<letters>}. */
    static final String MBSYNC_NAME = "\\d+\\.\\d+_\\d+\\.[^/:,]+(,U=\\d+)?:2,[A-Za-z]*";

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

    private static void maildir(Path dir) throws IOException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
    }

    @Test
    void fileNamesFollowMbsyncAndDovecotConventions() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.add(INBOX, Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1"), 17, text("x"));
        store.add(INBOX, Flags.of(Flag.DELETED, Flag.SEEN, Flag.ANSWERED, Flag.DRAFT, Flag.FLAGGED), 18, text("y"));
        store.add(INBOX, Flags.NONE, 0, text("z"));
        store.flush();

        assertThat(files("INBOX/cur")).hasSize(3).allMatch(n -> n.matches(MBSYNC_NAME));
        assertThat(files("INBOX/cur")).anyMatch(n -> n.endsWith(",U=17:2,FSa")).anyMatch(n -> n.endsWith(",U=18:2,DFRST"))
                .anyMatch(n -> !n.contains(",U=") && n.endsWith(":2,"));
        assertThat(Files.readString(root.resolve("INBOX/dovecot-keywords"))).isEqualTo("0 $label1\n");
        assertThat(files("INBOX/tmp")).isEmpty();
        assertThat(files("INBOX/new")).isEmpty();
        String name = files("INBOX/cur").stream().filter(n -> n.contains(",U=17")).findFirst().orElseThrow();
        assertThat(store.items(INBOX)).extracting(LocalItem::id).contains(name.substring(0, name.indexOf(",U=")));
    }

    @Test
    void anItemIsStillWrittenWhenAnotherProgramRemovedTmp() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        Files.delete(root.resolve("INBOX/tmp"));

        String id = store.add(INBOX, Flags.NONE, 5, text("after tmp/ went"));
        store.flush();

        assertThat(files("INBOX/cur")).hasSize(1);
        try (InputStream in = store.open(INBOX, id)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("after tmp/ went");
        }
        assertThat(root.resolve("INBOX/tmp")).isDirectory();
    }

    @Test
    void itemsWrittenInTheBackgroundAreListedAndReadableBeforeTheFlush() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(store.add(INBOX, Flags.NONE, i + 1, text("message " + i + " " + "x".repeat(i * 100))));
        }
        byte[] big = new byte[700 * 1024];
        Arrays.fill(big, (byte) 'b');
        String bigId = store.add(INBOX, Flags.NONE, 999, new java.io.ByteArrayInputStream(big));

        assertThat(store.items(INBOX)).hasSize(201);
        assertThat(store.items(INBOX)).filteredOn(it -> it.id().equals(ids.get(150))).singleElement()
                .extracting(LocalItem::size).isEqualTo((long) ("message 150 " + "x".repeat(15000)).length());
        try (InputStream in = store.open(INBOX, ids.get(199))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("message 199 " + "x".repeat(19900));
        }
        store.delete(INBOX, ids.get(0));
        store.flush();

        assertThat(files("INBOX/cur")).hasSize(200);
        assertThat(files("INBOX/tmp")).isEmpty();
        try (InputStream in = store.open(INBOX, bigId)) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        assertThat(reopen().items(INBOX)).hasSize(200);
    }

    @Test
    void aWriteThatFailsInTheBackgroundFailsTheFlushNamingTheItemAndLeavesNothingHalfDone() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        Path tmp = root.resolve("INBOX/tmp");
        Files.delete(tmp);
        Files.writeString(tmp, "not a directory"); // no file can be made in it, even by root
        String id = store.add(INBOX, Flags.NONE, 7, text("lost for now"));

        assertThatThrownBy(store::flush).isInstanceOf(StoreException.class)
                .hasMessageContaining("item '" + id + "'").hasMessageContaining("INBOX");
        assertThat(files("INBOX/cur")).isEmpty();

        // Once the folder is usable again, so is the store: the next download writes the item.
        Files.delete(tmp);
        store.add(INBOX, Flags.NONE, 7, text("written now"));
        store.flush();
        assertThat(files("INBOX/cur")).singleElement().asString().contains(",U=7");
    }

    @Test
    void foldersAreNestedMaildirsWithReadableNames() throws IOException {
        store.createFolder(ETE, FolderKind.MAIL);
        for (String name : List.of("cur", ".hidden", "nul\u0000", "100%")) {
            store.createFolder(FolderPath.of("Top", name), FolderKind.MAIL);
        }

        for (String dir : List.of("Projets", "Projets/Été 2026", "Top", "Top/%63ur", "Top/%2Ehidden", "Top/nul%00", "Top/100%25")) {
            for (String sub : List.of("cur", "new", "tmp")) {
                assertThat(root.resolve(dir).resolve(sub)).as(dir + "/" + sub).isDirectory();
            }
            assertThat(root.resolve(dir).resolve(".icesync-folder")).isRegularFile();
        }
        try (Stream<Path> s = Files.list(root.resolve("Projets"))) {
            String ete = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("É")).findFirst().orElseThrow();
            assertThat(Normalizer.isNormalized(ete, Normalizer.Form.NFC)).as("names on disk are NFC").isTrue();
        }
        assertThat(root.resolve("cur")).doesNotExist();
    }

    @Test
    void namesThatDifferOnlyByNormalisationAreTwoFolders() {
        String nfd = Normalizer.normalize("Été 2026", Normalizer.Form.NFD);
        FolderPath decomposed = FolderPath.of("Projets", nfd);
        assertThat(nfd).isNotEqualTo("Été 2026");

        LocalFolder composed = store.createFolder(ETE, FolderKind.MAIL);
        LocalFolder made = store.createFolder(decomposed, FolderKind.MAIL);
        String id = store.add(decomposed, Flags.NONE, 0, text("x"));
        store.flush();

        assertThat(made.id()).isNotEqualTo(composed.id());
        assertThat(made.path()).isEqualTo(decomposed);
        assertThat(store.items(ETE)).isEmpty();
        assertThat(store.items(decomposed)).extracting(LocalItem::id).containsExactly(id);
        assertThat(root.resolve("Projets/" + nfd.replace("\u0301", "%CC%81"))).isDirectory();
        LocalStore again = reopen();
        assertThat(again.folders()).extracting(LocalFolder::path).contains(ETE, decomposed);
        assertThat(again.items(decomposed)).extracting(LocalItem::id).containsExactly(id);
    }

    @Test
    void aNameTooLongForTheFileSystemIsShortenedOnDiskAndKeptWhole() throws IOException {
        FolderPath longName = FolderPath.of("Top", "\u4e2d".repeat(90));
        FolderPath longer = FolderPath.of("Top", "\u4e2d".repeat(91));
        store.createFolder(longName, FolderKind.MAIL);
        String id = store.add(longName, Flags.NONE, 0, text("x"));
        store.flush();

        List<String> dirs = files("Top").stream().filter(n -> !n.startsWith(".") && !n.matches("cur|new|tmp")).toList();
        assertThat(dirs).singleElement().satisfies(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(255));
        LocalStore again = reopen();
        assertThat(again.folders()).extracting(LocalFolder::path).contains(longName);
        assertThat(again.items(longName)).extracting(LocalItem::id).containsExactly(id);

        again.renameFolder(longName, longer);
        assertThat(reopen().folders()).extracting(LocalFolder::path).contains(longer).doesNotContain(longName);
        assertThat(reopen().items(longer)).extracting(LocalItem::id).containsExactly(id);
    }

    @Test
    void nothingIsInCurBeforeFlushAndTmpLeftoversAreRemovedOnOpen() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.add(INBOX, Flags.NONE, 1, text("unflushed"));
        assertThat(store.items(INBOX)).hasSize(1); // listed at once (the listing waits for the write)
        assertThat(files("INBOX/cur")).isEmpty();
        assertThat(files("INBOX/tmp")).hasSize(1);
        Files.writeString(root.resolve("INBOX/tmp/1700000000.M1P2.otherhost"), "being delivered by another program");
        Path stale = Files.writeString(root.resolve("INBOX/tmp/1600000000.M1P2.otherhost"), "left two days ago");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        LocalStore afterCrash = LocalStores.maildir(root);

        assertThat(files("INBOX/tmp")).containsExactly("1700000000.M1P2.otherhost");
        assertThat(afterCrash.items(INBOX)).isEmpty();
    }

    @Test
    void twoStoresOnOneTreeNeverPickTheSameName() {
        store.createFolder(INBOX, FolderKind.MAIL);
        LocalStore other = LocalStores.maildir(root);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ids.add(store.add(INBOX, Flags.NONE, 0, text("a" + i)));
            ids.add(other.add(INBOX, Flags.NONE, 0, text("b" + i)));
        }
        store.flush();
        other.flush();
        assertThat(ids).hasSize(1000);
        assertThat(reopen().items(INBOX)).hasSize(1000);
    }

    @Test
    void aFileMovedByAnotherProgramIsFoundWithTheSameId() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(ARCHIVE, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN), 5, text("x"));
        store.flush();
        String name = files("INBOX/cur").get(0);

        Files.move(root.resolve("INBOX/cur").resolve(name), root.resolve("Archive/cur").resolve(name));

        assertThat(store.items(INBOX)).isEmpty();
        assertThat(store.items(ARCHIVE)).singleElement().extracting(LocalItem::id).isEqualTo(id);
        try (InputStream in = store.open(ARCHIVE, id)) {
            assertThat(in.readAllBytes()).isEqualTo("x".getBytes());
        }
    }

    @Test
    void itemsReadByIdHaveTheFlagsOfTheirFileEvenAfterAnotherProgramRenamedIt() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String a = store.add(INBOX, Flags.of(Flag.SEEN), 5, text("x"));
        String b = store.add(INBOX, Flags.NONE, 6, text("yy"));
        store.flush();
        assertThat(store.items(INBOX)).hasSize(2);
        String name = files("INBOX/cur").stream().filter(n -> n.startsWith(a)).findFirst().orElseThrow();
        Files.move(root.resolve("INBOX/cur").resolve(name), root.resolve("INBOX/cur").resolve(name.replace(":2,S", ":2,RS")));

        List<LocalItem> read = store.items(INBOX, List.of(a, b, "no-such-id"));

        assertThat(read).extracting(LocalItem::id).containsExactlyInAnyOrder(a, b);
        assertThat(read).filteredOn(l -> l.id().equals(a)).singleElement()
                .satisfies(l -> assertThat(l.flags()).isEqualTo(Flags.of(Flag.ANSWERED, Flag.SEEN)));
        assertThat(read).filteredOn(l -> l.id().equals(b)).singleElement()
                .satisfies(l -> assertThat(l.size()).isEqualTo(2));
    }

    @Test
    void aFileRenamedByAnotherProgramIsStillFoundById() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN), 5, text("x"));
        store.flush();
        assertThat(store.items(INBOX)).hasSize(1);
        String name = files("INBOX/cur").get(0);

        // mutt marks it answered: a rename the store has not seen
        Files.move(root.resolve("INBOX/cur").resolve(name), root.resolve("INBOX/cur").resolve(name.replace(":2,S", ":2,RS")));

        try (InputStream in = store.open(INBOX, id)) {
            assertThat(in.readAllBytes()).isEqualTo("x".getBytes());
        }
        store.setFlags(INBOX, id, Flags.of(Flag.ANSWERED, Flag.SEEN, Flag.FLAGGED));
        assertThat(files("INBOX/cur")).containsExactly(name.replace(":2,S", ":2,FRS"));
    }

    @Test
    void aFolderRenamedByAnotherProgramKeepsItsId() throws IOException {
        String id = store.createFolder(FolderPath.of("Old"), FolderKind.TASKS).id();
        String item = store.add(FolderPath.of("Old"), Flags.NONE, 0, text("x"));
        store.flush();
        store.createFolder(FolderPath.of("Parent"), FolderKind.MAIL);

        Files.move(root.resolve("Old"), root.resolve("Parent/New"));

        assertThat(store.folders()).filteredOn(f -> f.id().equals(id)).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(FolderPath.of("Parent", "New"));
            assertThat(f.kind()).isEqualTo(FolderKind.TASKS);
        });
        assertThat(store.items(FolderPath.of("Parent", "New"))).extracting(LocalItem::id).containsExactly(item);
        assertThat(reopen().folders()).filteredOn(f -> f.id().equals(id)).singleElement()
                .extracting(LocalFolder::path).isEqualTo(FolderPath.of("Parent", "New"));
    }

    @Test
    void aFolderRemovedByAnotherProgramIsGoneNotEmpty() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.NONE, 0, text("x"));
        store.flush();
        assertThat(store.items(INBOX)).hasSize(1);

        try (Stream<Path> s = Files.walk(root.resolve("INBOX"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.items(INBOX))
                .isInstanceOf(io.icesync.core.FolderNotFoundException.class);
        store.delete(INBOX, id);
        assertThat(store.folders()).isEmpty();
    }

    @Test
    void aFolderCopiedByAnotherProgramGetsAnIdOfItsOwn() throws IOException {
        String id = store.createFolder(INBOX, FolderKind.MAIL).id();
        Path copy = root.resolve("INBOX copy");
        try (Stream<Path> s = Files.walk(root.resolve("INBOX"))) {
            for (Path p : s.toList()) {
                Files.copy(p, copy.resolve(root.resolve("INBOX").relativize(p).toString()));
            }
        }

        List<LocalFolder> folders = store.folders();

        assertThat(folders).extracting(LocalFolder::path).containsExactly(INBOX, FolderPath.of("INBOX copy"));
        assertThat(folders.get(0).id()).isEqualTo(id);
        assertThat(folders.get(1).id()).isNotEqualTo(id);
        assertThat(reopen().folders()).isEqualTo(folders);
    }

    @Test
    void foldersAndMessagesMadeByOtherProgramsAreRead() throws IOException {
        Path box = root.resolve("Mutt box");
        maildir(box);
        Files.createDirectories(root.resolve("Plain/Deeper"));
        maildir(root.resolve("Plain/Deeper/Leaf"));
        Files.createDirectories(root.resolve(".notmuch/xapian"));
        maildir(root.resolve(".Sent"));
        Files.writeString(box.resolve("new/1700000000.M1P2.host"), "Subject: fresh\r\n\r\n");
        Files.writeString(box.resolve("cur/1700000001.M3P4.host,S=20:2,RS"), "Subject: read\r\n\r\n");

        List<LocalFolder> folders = store.folders();

        assertThat(folders).extracting(LocalFolder::path).containsExactly(FolderPath.of("Mutt box"), FolderPath.of("Plain"),
                FolderPath.of("Plain", "Deeper"), FolderPath.of("Plain", "Deeper", "Leaf"));
        assertThat(root.resolve("Plain/cur")).as("a parent is a Maildir too").isDirectory();
        assertThat(box.resolve(".icesync-folder")).isRegularFile();
        assertThat(reopen().folders()).isEqualTo(folders);
        List<LocalItem> items = store.items(FolderPath.of("Mutt box"));
        assertThat(items).extracting(LocalItem::id, LocalItem::flags, LocalItem::uidHint).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("1700000000.M1P2.host", Flags.NONE, 0L),
                org.assertj.core.groups.Tuple.tuple("1700000001.M3P4.host,S=20", Flags.of(Flag.ANSWERED, Flag.SEEN), 0L));

        store.setFlags(FolderPath.of("Mutt box"), "1700000001.M3P4.host,S=20", Flags.of(Flag.SEEN));
        store.setFlags(FolderPath.of("Mutt box"), "1700000000.M1P2.host", Flags.of(Flag.SEEN));

        assertThat(files("Mutt box/cur")).containsExactly("1700000000.M1P2.host:2,S", "1700000001.M3P4.host,S=20:2,S");
        assertThat(files("Mutt box/new")).isEmpty();
        assertThat(store.items(FolderPath.of("Mutt box"))).extracting(LocalItem::id)
                .containsExactlyInAnyOrder("1700000000.M1P2.host", "1700000001.M3P4.host,S=20");
    }

    @Test
    void lettersOfOtherProgramsSurviveFlagChanges() throws IOException {
        Path box = root.resolve("Box");
        maildir(box);
        maildir(root.resolve("Other"));
        Files.writeString(box.resolve("dovecot-keywords"), "0 Work\n1 $Junk\n");
        Files.writeString(box.resolve("cur/1700000001.M1P1.h,U=4:2,PSbx"), "x");

        assertThat(store.items(FolderPath.of("Box"))).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("1700000001.M1P1.h");
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.SEEN).withKeyword("$Junk"));
            assertThat(i.uidHint()).isEqualTo(4);
        });

        store.setFlags(FolderPath.of("Box"), "1700000001.M1P1.h", Flags.of(Flag.FLAGGED).withKeyword("Work"));
        assertThat(files("Box/cur")).containsExactly("1700000001.M1P1.h,U=4:2,FPax");

        store.move(FolderPath.of("Box"), "1700000001.M1P1.h", FolderPath.of("Other"));
        assertThat(files("Other/cur")).as("'P' travels; 'x' would mean another keyword there").containsExactly(
                "1700000001.M1P1.h:2,FPa");
        assertThat(Files.readString(root.resolve("Other/dovecot-keywords"))).isEqualTo("0 Work\n");
    }

    @Test
    void keywordsAddedByDovecotAreSeen() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN).withKeyword("Work"), 0, text("x"));
        store.flush();
        assertThat(store.items(INBOX)).singleElement().extracting(LocalItem::flags).isEqualTo(Flags.of(Flag.SEEN).withKeyword("Work"));
        String name = files("INBOX/cur").get(0);

        Files.writeString(root.resolve("INBOX/dovecot-keywords"), "0 Work\n1 Later\n");
        Files.setLastModifiedTime(root.resolve("INBOX/dovecot-keywords"), FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(root.resolve("INBOX/cur").resolve(name), root.resolve("INBOX/cur").resolve(name + "b"));

        assertThat(store.items(INBOX)).singleElement().extracting(LocalItem::flags)
                .isEqualTo(Flags.of(Flag.SEEN).withKeyword("Work").withKeyword("Later"));
        store.setFlags(INBOX, id, Flags.NONE.withKeyword("Later").withKeyword("New"));
        assertThat(Files.readString(root.resolve("INBOX/dovecot-keywords"))).isEqualTo("0 Work\n1 Later\n2 New\n");
    }

    @Test
    void keywordsPastTheTwentySixLettersGoToTheSideFile() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, keywords(0, 30), 0, text("x"));
        store.flush();

        assertThat(Files.readAllLines(root.resolve("INBOX/dovecot-keywords"))).hasSize(26);
        assertThat(files("INBOX/cur")).singleElement().asString().endsWith(":2,abcdefghijklmnopqrstuvwxyz");
        assertThat(Files.readString(root.resolve("INBOX/.icesync-keywords"))).isEqualTo(id + "\tkw6 kw7 kw8 kw9\n");

        store.setFlags(INBOX, id, keywords(0, 3));
        store.flush();
        assertThat(root.resolve("INBOX/.icesync-keywords")).doesNotExist();
    }

    @Test
    void deletingAFolderLeavesNothingAndAHalfDeleteIsFinishedOnOpen() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.add(INBOX, Flags.NONE, 0, text("x"));
        store.flush();
        Files.createDirectories(root.resolve("INBOX/.cache"));
        Path crashed = Files.createDirectories(root.resolve(".icesync-deleted-1234/cur"));
        Files.writeString(crashed.resolve("m"), "x");

        store.deleteFolder(INBOX);

        assertThat(files(".")).containsExactly(".icesync-deleted-1234");
        reopen();
        assertThat(files(".")).isEmpty();
    }

    @Test
    void aRenameCaughtHalfWayIsFinishedOnOpen() throws IOException {
        // A case-only rename on a case-insensitive file system goes through a hidden name; a kill can stop it there.
        String id = store.createFolder(FolderPath.of("archive"), FolderKind.MAIL).id();
        Files.move(root.resolve("archive"), root.resolve(".icesync-renaming-Archive"));

        assertThat(reopen().folders()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(FolderPath.of("Archive"));
            assertThat(f.id()).isEqualTo(id);
        });
    }

    @Test
    void aLargeItemIsStreamedNotHeld() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        long size = 50L * 1024 * 1024;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        String id = store.add(INBOX, Flags.NONE, 0, new Generated(size));
        long grew = rt.totalMemory() - rt.freeMemory() - before;
        store.replaceContent(INBOX, id, new Generated(size + 1));
        store.flush();

        assertThat(store.items(INBOX)).singleElement().extracting(LocalItem::size).isEqualTo(size + 1);
        assertThat(grew).as("heap growth while writing a 50 MB item").isLessThan(size / 4);
        try (InputStream in = store.open(INBOX, id)) {
            assertThat(in.skip(size)).isEqualTo(size);
            assertThat(in.read()).isEqualTo('x');
        }
    }

    /** Bytes made up as they are read: nothing of them exists in memory beforehand. */
    static final class Generated extends InputStream {
        private long left;

        Generated(long size) {
            this.left = size;
        }

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
            Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
