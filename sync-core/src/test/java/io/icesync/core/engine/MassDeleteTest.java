package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.SpecialUse;
import io.icesync.core.engine.MassDeleteException.Side;
import io.icesync.core.store.LocalStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A side that vanished is not a user who deleted everything: the guard stops the cycle before it writes. */
class MassDeleteTest {
    static final FolderPath SENT = FolderPath.of("Sent");
    static final FolderPath ARCHIVE = FolderPath.of("Archive");
    static final FolderPath Y2026 = FolderPath.of("Archive", "2026");
    static final FolderPath TRASH = FolderPath.of("Trash");

    @TempDir
    Path dir;

    EngineFixture fx;

    @BeforeEach
    void syncedAccount() {
        fx = new EngineFixture(dir);
        fx.remote.serverCreate(SENT, SpecialUse.SENT);
        fx.remote.serverCreate(ARCHIVE, SpecialUse.NONE);
        fx.remote.serverCreate(Y2026, SpecialUse.NONE);
        fx.remote.serverCreate(TRASH, SpecialUse.TRASH);
        for (FolderPath f : List.of(INBOX, SENT, ARCHIVE, Y2026, TRASH)) {
            for (int i = 0; i < 3; i++) {
                fx.remote.serverAdd(f, "<" + f.name() + i + "@x>", Flags.NONE);
            }
        }
        fx.sync();
    }

    /** The process starts again over the directory as it is now. */
    private void reopenLocal() {
        fx.local.close();
        fx.local = LocalStores.maildir(dir.resolve("mail"));
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    @Test
    void aMaildirMovedAwayStopsTheCycleAndTheServerKeepsEveryFolder() throws Exception {
        Map<FolderPath, List<String>> before = Sides.remote(fx.remote);
        Files.move(dir.resolve("mail"), dir.resolve("mail.elsewhere"));
        reopenLocal();

        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);

        assertThat(e).as("the cycle stops").isNotNull();
        assertThat(e.refusals()).singleElement().satisfies(r -> {
            assertThat(r.side()).isEqualTo(Side.SERVER);
            assertThat(r.folders()).containsExactly(ARCHIVE, Y2026, INBOX, SENT, TRASH);
            assertThat(r.reason()).contains(dir.resolve("mail").toString(), "is missing");
        });
        assertThat(e.getMessage()).contains("5 of 5 synced folders would be deleted on the server",
                "Archive, Archive/2026, INBOX, Sent, Trash", "DeleteGuard.off()", "--allow-mass-delete");
        assertThat(Sides.remote(fx.remote)).isEqualTo(before);
        assertThat(fx.remote.deleteCalls).isZero();

        // The disk comes back: the next cycle finds everything where it was.
        deleteTree(dir.resolve("mail"));
        Files.move(dir.resolve("mail.elsewhere"), dir.resolve("mail"));
        reopenLocal();
        SyncReport back = fx.sync();
        assertThat(back.changedAnything()).isFalse();
        assertThat(Sides.local(fx.local)).isEqualTo(before);
    }

    @Test
    void anEmptiedMaildirStopsToo() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("mail"))) {
            for (Path p : s.toList()) {
                deleteTree(p);
            }
        }
        reopenLocal();

        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);

        assertThat(e.refusals().get(0).reason()).contains("holds no folder");
        assertThat(fx.remote.messageIds(ARCHIVE)).hasSize(3);
    }

    @Test
    void confirmingDeletesWhatTheUserDeleted() throws Exception {
        deleteTree(dir.resolve("mail/Archive"));
        deleteTree(dir.resolve("mail/Sent"));
        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);
        assertThat(e.refusals().get(0).folders()).containsExactly(ARCHIVE, Y2026, SENT);

        fx.engine().syncOnce(DeleteGuard.off());

        assertThat(Sides.remote(fx.remote)).containsOnlyKeys(INBOX, TRASH);
    }

    @Test
    void oneFolderDeletedHereIsDeletedThereWithoutAsking() throws Exception {
        deleteTree(dir.resolve("mail/Sent"));

        SyncReport r = fx.sync();

        assertThat(r.structureChanges()).contains("deleted on server (deleted locally): Sent");
        assertThat(Sides.remote(fx.remote)).doesNotContainKey(SENT);
    }

    @Test
    void aServerThatListsFewFoldersDeletesNothingHere() {
        fx.remote.deleteFolder(Y2026);
        fx.remote.deleteFolder(ARCHIVE);
        fx.remote.deleteFolder(SENT);

        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);

        assertThat(e.refusals()).singleElement().satisfies(r -> {
            assertThat(r.side()).isEqualTo(Side.LOCAL);
            assertThat(r.folders()).containsExactly(ARCHIVE, Y2026, SENT);
        });
        assertThat(e.getMessage()).contains("3 of 5 synced folders would be deleted locally because they are gone"
                + " from the server");
        assertThat(Sides.local(fx.local)).containsKeys(ARCHIVE, Y2026, SENT);
        assertThat(Sides.local(fx.local).get(SENT)).hasSize(3);
    }

    @Test
    void aFolderRenamedOnTheServerIsNoDeletion() {
        fx.remote.serverRename(ARCHIVE, FolderPath.of("Old"));
        fx.remote.serverRename(SENT, FolderPath.of("Sent Items"));

        SyncReport r = fx.sync();

        assertThat(r.structureChanges()).contains("renamed locally: Archive -> Old", "renamed locally: Sent -> Sent Items");
    }

    @Test
    void aFolderWhoseFilesVanishedStopsWhileTheOthersSync() throws Exception {
        for (int i = 3; i < 60; i++) {
            fx.remote.serverAdd(INBOX, "<INBOX" + i + "@x>", Flags.NONE);
        }
        fx.sync();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> s = Files.list(dir.resolve("mail/INBOX").resolve(sub))) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
        }
        fx.remote.serverAdd(SENT, "<new-sent@x>", Flags.NONE);

        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);

        assertThat(e.refusals()).singleElement().satisfies(r -> {
            assertThat(r.side()).isEqualTo(Side.SERVER);
            assertThat(r.folder()).isEqualTo(INBOX);
            assertThat(r.count()).isEqualTo(60);
            assertThat(r.synced()).isEqualTo(60);
        });
        assertThat(e.getMessage()).contains("INBOX: 60 of 60 synced items would be deleted on the server");
        assertThat(fx.remote.messageIds(INBOX)).hasSize(60);
        assertThat(e.report().downloaded()).as("the other folders were synced").isEqualTo(1);
        assertThat(fx.localItem(SENT, "<new-sent@x>")).isNotNull();

        fx.engine().syncOnce(DeleteGuard.off());
        assertThat(fx.remote.messageIds(INBOX)).isEmpty();
    }

    @Test
    void aServerThatExpungedAFolderDeletesNothingHere() {
        for (int i = 3; i < 10; i++) {
            fx.remote.serverAdd(ARCHIVE, "<Archive" + i + "@x>", Flags.NONE);
        }
        fx.sync();
        for (long uid = 1; uid <= 10; uid++) {
            fx.remote.serverExpunge(ARCHIVE, uid);
        }

        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);

        assertThat(e.refusals()).singleElement().satisfies(r -> {
            assertThat(r.side()).isEqualTo(Side.LOCAL);
            assertThat(r.folder()).isEqualTo(ARCHIVE);
            assertThat(r.count()).isEqualTo(10);
        });
        assertThat(Sides.local(fx.local).get(ARCHIVE)).hasSize(10);
    }

    @Test
    void aNewUidValidityWithNothingToMatchDeletesNothingHere() {
        for (int i = 3; i < 10; i++) {
            fx.remote.serverAdd(ARCHIVE, "<Archive" + i + "@x>", Flags.NONE);
        }
        fx.sync();
        for (long uid = 1; uid <= 10; uid++) {
            fx.remote.serverExpunge(ARCHIVE, uid);
        }
        fx.remote.serverBumpValidity(ARCHIVE);

        MassDeleteException e = catchThrowableOfType(fx::sync, MassDeleteException.class);

        assertThat(e.refusals().get(0).folder()).isEqualTo(ARCHIVE);
        assertThat(Sides.local(fx.local).get(ARCHIVE)).hasSize(10);
    }

    @Test
    void trashIsEmptiedWithoutAsking() throws Exception {
        for (int i = 3; i < 60; i++) {
            fx.remote.serverAdd(TRASH, "<Trash" + i + "@x>", Flags.NONE);
        }
        fx.sync();
        try (Stream<Path> s = Files.list(dir.resolve("mail/Trash/cur"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }

        SyncReport r = fx.sync();

        assertThat(r.folders().stream().filter(f -> f.folder().equals(TRASH)).findFirst().orElseThrow().deletedOnServer())
                .isEqualTo(60);
        assertThat(fx.remote.messageIds(TRASH)).isEmpty();
    }

    @Test
    void aFewMessagesDeletedHereGoWithoutAsking() throws Exception {
        Path cur = dir.resolve("mail/INBOX/cur");
        try (Stream<Path> s = Files.list(cur)) {
            Files.delete(s.findFirst().orElseThrow());
        }

        fx.sync();

        assertThat(fx.remote.messageIds(INBOX)).hasSize(2);
    }

    @Test
    void aGuardSetOffInTheBuilderNeverAsks() throws Exception {
        Files.move(dir.resolve("mail"), dir.resolve("mail.elsewhere"));
        reopenLocal();

        SyncEngine.builder().remote(fx.remote).local(fx.local).state(fx.state).deleteGuard(DeleteGuard.off()).build()
                .syncOnce();

        assertThat(Sides.remote(fx.remote)).containsOnlyKeys(INBOX);
    }
}
