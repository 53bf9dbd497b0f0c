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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LocalStore} must do; each implementation runs these tests. */
abstract class LocalStoreContract {
    static final FolderPath INBOX = FolderPath.of("INBOX");
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

    String read(FolderPath f, String id) throws IOException {
        try (InputStream in = store.open(f, id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
    void awkwardFolderNamesWork() {
        for (String name : List.of("cur", "new", "tmp", ".hidden", "50% off", "a\\b", "Société Générale")) {
            FolderPath p = FolderPath.of("Top", name);
            store.createFolder(p, FolderKind.MAIL);
            store.add(p, Flags.NONE, 0, text("x"));
        }
        store.flush();
        assertThat(store.folders()).extracting(LocalFolder::path).contains(FolderPath.of("Top", "cur"),
                FolderPath.of("Top", ".hidden"), FolderPath.of("Top", "50% off"), FolderPath.of("Top", "a\\b"));
        assertThat(store.items(FolderPath.of("Top", "new"))).hasSize(1);
        assertThat(store.items(FolderPath.of("Top"))).isEmpty();
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
        assertThat(read(INBOX, id)).isEqualTo("Message-ID: <a@b>\r\n\r\nbody é");

        store.setFlags(INBOX, id, Flags.of(Flag.ANSWERED).withKeyword("$Completed"));
        assertThat(reopen().items(INBOX)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.ANSWERED).withKeyword("$Completed"));
        });
    }

    @Test
    void moreThan26KeywordsAreAllKept() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        Flags many = Flags.NONE;
        for (int i = 0; i < 30; i++) {
            many = many.withKeyword("kw" + i);
        }
        String id = store.add(INBOX, many, 0, text("x"));
        store.flush();
        assertThat(reopen().items(INBOX)).singleElement().satisfies(i -> assertThat(i.flags()).isEqualTo(
                Flags.NONE.withKeyword("kw0").withKeyword("kw1").withKeyword("kw10").withKeyword("kw11")
                        .withKeyword("kw12").withKeyword("kw13").withKeyword("kw14").withKeyword("kw15")
                        .withKeyword("kw16").withKeyword("kw17").withKeyword("kw18").withKeyword("kw19")
                        .withKeyword("kw2").withKeyword("kw20").withKeyword("kw21").withKeyword("kw22")
                        .withKeyword("kw23").withKeyword("kw24").withKeyword("kw25").withKeyword("kw26")
                        .withKeyword("kw27").withKeyword("kw28").withKeyword("kw29").withKeyword("kw3")
                        .withKeyword("kw4").withKeyword("kw5").withKeyword("kw6").withKeyword("kw7")
                        .withKeyword("kw8").withKeyword("kw9")));
        assertThat(id).isNotBlank();
    }

    @Test
    void moveKeepsTheIdAndDeleteIsIdempotent() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        store.createFolder(FolderPath.of("Archive"), FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.SEEN), 7, text("moved"));
        store.flush();

        store.move(INBOX, id, FolderPath.of("Archive"));

        assertThat(store.items(INBOX)).isEmpty();
        assertThat(store.items(FolderPath.of("Archive"))).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.SEEN));
            assertThat(i.uidHint()).as("a UID of the old folder must not follow the item").isZero();
        });
        store.delete(FolderPath.of("Archive"), id);
        store.delete(FolderPath.of("Archive"), id);
        assertThat(store.items(FolderPath.of("Archive"))).isEmpty();
    }

    @Test
    void replaceContentKeepsIdAndFlags() throws IOException {
        store.createFolder(INBOX, FolderKind.MAIL);
        String id = store.add(INBOX, Flags.of(Flag.FLAGGED), 3, text("headers only"));
        store.flush();
        store.replaceContent(INBOX, id, text("headers and body"));
        assertThat(read(INBOX, id)).isEqualTo("headers and body");
        assertThat(store.items(INBOX)).singleElement().satisfies(i -> assertThat(i.flags()).isEqualTo(Flags.of(Flag.FLAGGED)));
    }

    @Test
    void idsAreUniqueAcrossManyFastAdds() {
        store.createFolder(INBOX, FolderKind.MAIL);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(store.add(INBOX, Flags.NONE, 0, text("m" + i)));
        }
        store.flush();
        assertThat(ids).hasSize(2000);
        assertThat(store.items(INBOX)).hasSize(2000);
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
}
