package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LocalStore} must do; each implementation runs these tests. */
abstract class LocalStoreContract {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    static final FolderPath ARCHIVE = FolderPath.of("Archive");
    static final FolderPath ETE = FolderPath.of("Projets", "Été 2026");
    LocalStore store;

    abstract LocalStore newStore() throws IOException;

    /** The same store opened again (a new process); in-memory stores return themselves. */
    abstract LocalStore reopen() throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        store = newStore();
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String read(LocalStore s, FolderPath f, String id) throws IOException {
        try (InputStream in = s.open(f, id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, LocalItem> byId(List<LocalItem> items) {
        return items.stream().collect(Collectors.toMap(LocalItem::id, Function.identity()));
    }

    static Flags keywords(int from, int to) {
        Flags f = Flags.NONE;
        for (int i = from; i < to; i++) {
            f = f.withKeyword("kw" + i);
        }
        return f;
    }

    @Test
    void foldersNestAndKeepTheirIdAcrossRenames() {
        LocalFolder ete = store.createFolder(ETE, FolderKind.MAIL);
        assertThat(store.folders()).extracting(LocalFolder::path).containsExactly(FolderPath.of("Projets"), ETE);
        String id = store.add(ETE, Flags.NONE, 0, text("Subject: a\r\n\r\nbody"));
        store.flush();

        store.renameFolder(FolderPath.of("Projets"), FolderPath.of("Archives", "Projets 2026"));

        FolderPath moved = FolderPath.of("Archives", "Projets 2026", "Été 2026");
        assertThat(store.folders()).extracting(LocalFolder::path).contains(moved).doesNotContain(ETE);
        assertThat(store.folders()).filteredOn(f -> f.path().equals(moved)).singleElement()
                .extracting(LocalFolder::id).isEqualTo(ete.id());
        assertThat(store.items(moved)).extracting(LocalItem::id).containsExactly(id);
    }

    @Test
    void createFolderMakesMissingParentsAndReturnsAnExistingFolderAsItIs() throws IOException {
        FolderPath deep = FolderPath.of("A", "B", "Contacts");
        LocalFolder made = store.createFolder(deep, FolderKind.CONTACTS);

        assertThat(made.path()).isEqualTo(deep);
        assertThat(made.kind()).isEqualTo(FolderKind.CONTACTS);
        assertThat(store.folders()).extracting(LocalFolder::path, LocalFolder::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FolderPath.of("A"), FolderKind.MAIL),
                org.assertj.core.groups.Tuple.tuple(FolderPath.of("A", "B"), FolderKind.MAIL),
                org.assertj.core.groups.Tuple.tuple(deep, FolderKind.CONTACTS));
        assertThat(store.createFolder(deep, FolderKind.EVENTS)).isEqualTo(made);
        List<LocalFolder> before = store.folders();
        assertThat(reopen().folders()).isEqualTo(before);
        assertThat(before).extracting(LocalFolder::id).doesNotHaveDuplicates();
    }

    @Test
    void foldersComeParentsFirst() {
        for (String p : List.of("Z/Y", "A/B/C", "M", "A/Ä", "A/B/Aa", "Z")) {
            store.createFolder(FolderPath.parse(p, '/'), FolderKind.MAIL);
        }
        List<FolderPath> paths = store.folders().stream().map(LocalFolder::path).toList();
        assertThat(paths).hasSize(8).doesNotHaveDuplicates();
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).depth() > 1) {
                assertThat(paths.subList(0, i)).as("the parent of %s comes before it", paths.get(i))
                        .contains(paths.get(i).parent());
            }
        }
    }

    @Test
    void awkwardFolderNamesWork() throws IOException {
        List<String> names = List.of("cur", "new", "tmp", "CUR", ".hidden", ".", "..", "50% off", "%41", "a\\b", "a/b",
                "nul\u0000name", "tab\tname", "dovecot-keywords", "Société Générale", "日本語", "📁 Dossier", "INBOX");
        Map<FolderPath, String> ids = new java.util.HashMap<>();
        for (String name : names) {
            FolderPath p = FolderPath.of("Top", name);
            store.createFolder(p, FolderKind.MAIL);
            ids.put(p, store.add(p, Flags.of(Flag.SEEN), 0, text("in " + name)));
            FolderPath child = p.child("cur");
            store.createFolder(child, FolderKind.MAIL);
        }
        store.createFolder(FolderPath.of("tmp"), FolderKind.MAIL);
        store.flush();

        LocalStore again = reopen();
        Set<FolderPath> expected = new HashSet<>(ids.keySet());
        ids.keySet().forEach(p -> expected.add(p.child("cur")));
        expected.add(FolderPath.of("Top"));
        expected.add(FolderPath.of("tmp"));
        assertThat(again.folders()).extracting(LocalFolder::path).containsExactlyInAnyOrderElementsOf(expected);
        for (Map.Entry<FolderPath, String> e : ids.entrySet()) {
            assertThat(again.items(e.getKey())).extracting(LocalItem::id).containsExactly(e.getValue());
            assertThat(read(again, e.getKey(), e.getValue())).isEqualTo("in " + e.getKey().name());
            assertThat(again.items(e.getKey().child("cur"))).isEmpty();
        }
        assertThat(again.items(FolderPath.of("Top"))).isEmpty();
        assertThat(again.items(FolderPath.of("tmp"))).isEmpty();
    }

    @Test
    void renamesMoveSubFoldersAndRefuseWhatCannotBe() {
        String inbox = store.createFolder(INBOX, FolderKind.MAIL).id();
        String child = store.createFolder(INBOX.child("Clients"), FolderKind.MAIL).id();
        String item = store.add(INBOX.child("Clients"), Flags.NONE, 9, text("x"));
        store.createFolder(ARCHIVE, FolderKind.MAIL);

        assertThatThrownBy(() -> store.renameFolder(INBOX, ARCHIVE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("Archive");
        assertThatThrownBy(() -> store.renameFolder(INBOX, INBOX.child("Clients").child("x")))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.renameFolder(FolderPath.of("Nope"), FolderPath.of("Other")))
                .isInstanceOf(FolderNotFoundException.class);

        store.renameFolder(INBOX.child("Clients"), FolderPath.of("2026", "Q1", "Clients"));
        store.renameFolder(INBOX, FolderPath.of("Boîte"));

        assertThat(store.folders()).extracting(LocalFolder::path, LocalFolder::id).contains(
                org.assertj.core.groups.Tuple.tuple(FolderPath.of("Boîte"), inbox),
                org.assertj.core.groups.Tuple.tuple(FolderPath.of("2026", "Q1", "Clients"), child));
        assertThat(store.folders()).extracting(LocalFolder::path).contains(FolderPath.of("2026"),
                FolderPath.of("2026", "Q1")).doesNotContain(INBOX);
        assertThat(store.items(FolderPath.of("2026", "Q1", "Clients"))).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(item);
            assertThat(i.uidHint()).isEqualTo(9);
        });
    }

    @Test
    void itemsKeepContentFlagsAndKeywords() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        Flags f = Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1").withKeyword("Projet_X");
        String id = store.add(INBOX, f, 42, text("Message-ID: <a@b>\r\n\r\nbody é"));
        store.flush();

        LocalItem item = store.items(INBOX).get(0);
        assertThat(item.id()).isEqualTo(id);
        assertThat(item.flags()).isEqualTo(f);
        assertThat(item.uidHint()).isEqualTo(42);
        assertThat(item.size()).isEqualTo("Message-ID: <a@b>\r\n\r\nbody é".getBytes(StandardCharsets.UTF_8).length);
        assertThat(read(store, INBOX, id)).isEqualTo("Message-ID: <a@b>\r\n\r\nbody é");

        Flags all = Flags.of(Flag.DRAFT, Flag.FLAGGED, Flag.ANSWERED, Flag.SEEN, Flag.DELETED);
        store.setFlags(INBOX, id, all);
        assertThat(store.items(INBOX)).singleElement().extracting(LocalItem::flags).isEqualTo(all);
        store.setFlags(INBOX, id, Flags.of(Flag.ANSWERED).withKeyword("$Completed"));
        store.flush();
        assertThat(reopen().items(INBOX)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.ANSWERED).withKeyword("$Completed"));
            assertThat(i.uidHint()).isEqualTo(42);
        });
    }

    @Test
    void aNameHintLeavesTheContentAsItIs() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN), 5, "Été 2026.txt", text("Subject: a\r\n\r\nbody"));
        store.flush();

        assertThat(store.items(INBOX)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.SEEN));
            assertThat(i.uidHint()).isEqualTo(5);
            // A store whose items have no names ignores the hint; one that names them keeps it.
            assertThat(i.name()).isIn(null, "Été 2026.txt");
        });
        assertThat(read(store, INBOX, id)).isEqualTo("Subject: a\r\n\r\nbody");
    }

    @Test
    void moreThan26KeywordsInAFolderAreAllKept() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(ARCHIVE, FolderKind.MAIL);
        String a = store.add(INBOX, keywords(0, 20), 0, text("a"));
        String b = store.add(INBOX, keywords(10, 40).with(Flag.SEEN), 0, text("b"));
        String c = store.add(ARCHIVE, keywords(50, 60), 0, text("c"));
        store.flush();

        assertThat(byId(reopen().items(INBOX))).satisfies(m -> {
            assertThat(m.get(a).flags()).isEqualTo(keywords(0, 20));
            assertThat(m.get(b).flags()).isEqualTo(keywords(10, 40).with(Flag.SEEN));
        });

        store.setFlags(INBOX, b, keywords(30, 40).withKeyword("kw1"));
        store.move(INBOX, b, ARCHIVE);
        store.flush();

        LocalStore again = reopen();
        assertThat(again.items(INBOX)).singleElement().extracting(LocalItem::flags).isEqualTo(keywords(0, 20));
        assertThat(byId(again.items(ARCHIVE))).satisfies(m -> {
            assertThat(m.get(b).flags()).isEqualTo(keywords(30, 40).withKeyword("kw1"));
            assertThat(m.get(c).flags()).isEqualTo(keywords(50, 60));
        });
    }

    @Test
    void moveKeepsTheIdAndDeleteIsIdempotent() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(ARCHIVE, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN).withKeyword("$label2"), 7, text("moved"));
        store.flush();

        store.move(INBOX, id, ARCHIVE);

        assertThat(store.items(INBOX)).isEmpty();
        assertThat(store.items(ARCHIVE)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.SEEN).withKeyword("$label2"));
            assertThat(i.uidHint()).as("a UID of the old folder must not follow the item").isZero();
        });
        assertThat(read(store, ARCHIVE, id)).isEqualTo("moved");
        store.delete(ARCHIVE, id);
        store.delete(ARCHIVE, id);
        store.delete(INBOX, id);
        store.delete(FolderPath.of("No such folder"), id);
        store.flush();
        assertThat(store.items(ARCHIVE)).isEmpty();
    }

    @Test
    void replaceContentKeepsIdAndFlags() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.FLAGGED), 3, text("headers only"));
        store.flush();

        store.replaceContent(INBOX, id, text("headers and the whole body"));

        assertThat(read(store, INBOX, id)).isEqualTo("headers and the whole body");
        assertThat(store.items(INBOX)).singleElement().satisfies(i -> {
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.FLAGGED));
            assertThat(i.size()).isEqualTo(26);
            assertThat(i.uidHint()).isEqualTo(3);
        });
        store.setFlags(INBOX, id, Flags.of(Flag.SEEN));
        store.flush();
        assertThat(read(reopen(), INBOX, id)).isEqualTo("headers and the whole body");
        assertThat(reopen().items(INBOX)).singleElement().extracting(LocalItem::flags).isEqualTo(Flags.of(Flag.SEEN));
    }

    @Test
    void itemsNotYetFlushedCanBeUsedAtOnce() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(ARCHIVE, FolderKind.MAIL);
        String kept = store.add(INBOX, Flags.NONE, 1, text("one"));
        String moved = store.add(INBOX, Flags.NONE, 2, text("two"));
        String gone = store.add(INBOX, Flags.NONE, 3, text("three"));

        assertThat(store.items(INBOX)).extracting(LocalItem::id).containsExactlyInAnyOrder(kept, moved, gone);
        assertThat(read(store, INBOX, moved)).isEqualTo("two");
        store.setFlags(INBOX, kept, Flags.of(Flag.SEEN).withKeyword("Work"));
        store.replaceContent(INBOX, kept, text("one, complete"));
        store.move(INBOX, moved, ARCHIVE);
        store.delete(INBOX, gone);
        store.flush();

        LocalStore again = reopen();
        assertThat(again.items(INBOX)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(kept);
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.SEEN).withKeyword("Work"));
            assertThat(i.uidHint()).isEqualTo(1);
        });
        assertThat(read(again, INBOX, kept)).isEqualTo("one, complete");
        assertThat(again.items(ARCHIVE)).extracting(LocalItem::id).containsExactly(moved);
        assertThat(read(again, ARCHIVE, moved)).isEqualTo("two");
    }

    @Test
    void idsAreUniqueAcrossManyFastAdds() {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(ARCHIVE, FolderKind.MAIL);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(store.add(i % 2 == 0 ? INBOX : ARCHIVE, Flags.NONE, i + 1, text("m" + i)));
        }
        store.flush();
        assertThat(ids).hasSize(2000);
        assertThat(store.items(INBOX)).hasSize(1000);
        assertThat(store.items(ARCHIVE)).hasSize(1000);
    }

    @Test
    void missingThingsFailNamingWhatIsMissing() {
        store.createFolder(INBOX, FolderKind.MAIL);
        FolderPath nowhere = FolderPath.of("Nowhere");
        assertThatThrownBy(() -> store.items(nowhere)).isInstanceOf(FolderNotFoundException.class)
                .hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> store.add(nowhere, Flags.NONE, 0, text("x"))).isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> store.deleteFolder(nowhere)).isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> store.move(INBOX, "x", nowhere)).isInstanceOf(FolderNotFoundException.class);
        for (Runnable r : List.<Runnable>of(() -> store.open(INBOX, "no-such-item"),
                () -> store.setFlags(INBOX, "no-such-item", Flags.of(Flag.SEEN)),
                () -> store.replaceContent(INBOX, "no-such-item", text("x")),
                () -> store.move(INBOX, "no-such-item", INBOX))) {
            assertThatThrownBy(r::run).isInstanceOf(StoreException.class).hasMessageContaining("no-such-item")
                    .hasMessageContaining("INBOX");
        }
        store.delete(INBOX, "no-such-item");
        assertThat(store.items(INBOX)).isEmpty();
    }

    @Test
    void deletingAFolderWithSubFoldersIsRefusedAndMissingFoldersAreNamed() {
        store.createFolder(ETE, FolderKind.MAIL);
        assertThatThrownBy(() -> store.deleteFolder(FolderPath.of("Projets"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("Été 2026");
        store.deleteFolder(ETE);
        store.deleteFolder(FolderPath.of("Projets"));
        assertThat(store.folders()).isEmpty();
        assertThatThrownBy(() -> store.items(ETE)).isInstanceOf(FolderNotFoundException.class)
                .hasMessageContaining("Projets/Été 2026");
    }

    @Test
    void aDeletedFolderMadeAgainIsNewAndEmpty() throws IOException {
        String first = store.createFolder(INBOX, FolderKind.MAIL).id();
        store.add(INBOX, Flags.NONE, 0, text("flushed"));
        store.flush();
        store.add(INBOX, Flags.NONE, 0, text("not flushed"));

        store.deleteFolder(INBOX);
        store.flush();
        LocalFolder again = store.createFolder(INBOX, FolderKind.MAIL);

        assertThat(again.id()).isNotEqualTo(first);
        assertThat(store.items(INBOX)).isEmpty();
        assertThat(reopen().items(INBOX)).isEmpty();
    }

    @Test
    void closeMakesWritesDurable() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> ids.add(store.add(INBOX, Flags.NONE, 0, text("m" + i))));
        store.close();
        assertThat(reopen().items(INBOX)).extracting(LocalItem::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(new TreeSet<>(ids)).hasSize(5);
    }
}
