package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.spi.SessionEvent;
import org.junit.jupiter.api.Test;

/** A selected folder whose kind the local store keeps no items of is reported every cycle and left untouched. */
class UnsyncedFolderTest {
    final EngineFixture fx = new EngineFixture();
    static final FolderPath NOTES = FolderPath.of("Notes");
    static final FolderPath FILES = FolderPath.of("Files");

    @Test
    void aFolderOfAKindTheStoreKeepsNoItemsOfIsReportedAndLoggedEveryCycleWithTheServerUntouched() {
        fx.remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.remote.createFolder(NOTES, FolderKind.NOTES);
        fx.remote.serverAdd(NOTES, "<n@x>", Flags.NONE);
        fx.remote.createFolder(FILES, FolderKind.DOCUMENTS);
        fx.remote.serverAdd(FILES, "<f@x>", Flags.NONE);

        for (int cycle = 0; cycle < 2; cycle++) {
            SyncReport r = fx.sync();
            assertThat(r.ok()).isTrue();
            assertThat(r.notSynced()).extracting(UnsyncedFolder::folder).containsExactly(FILES, NOTES);
            assertThat(r.notSynced()).extracting(UnsyncedFolder::kind).containsExactly(FolderKind.DOCUMENTS, FolderKind.NOTES);
            assertThat(r.notSynced().get(1).describe()).startsWith("Notes: not synced: it is a notes folder")
                    .contains("stay on the server", "to sync it: ");
            assertThat(r.folders()).extracting(FolderReport::folder).containsExactly(INBOX);
            assertThat(r.summary()).contains("2 folders not synced");
        }
        assertThat(fx.remote.boxes.get(NOTES).msgs).hasSize(1);
        assertThat(fx.remote.boxes.get(FILES).msgs).hasSize(1);
        assertThat(fx.state.recentEvents(50)).filteredOn(e -> e.level() == SessionEvent.Level.WARNING)
                .extracting(SessionEvent::message).containsExactly("folder Files not synchronised",
                        "folder Notes not synchronised", "folder Files not synchronised", "folder Notes not synchronised");
    }

    @Test
    void anUnselectedFolderIsTheUsersChoiceAndNotReported() {
        fx.remote.createFolder(NOTES, FolderKind.NOTES);
        fx.settings = fx.settings.toBuilder().select(NOTES, FolderSelection.UNSELECTED).build();

        SyncReport r = fx.sync();

        assertThat(r.notSynced()).isEmpty();
        assertThat(r.summary()).doesNotContain("not synced");
    }
}
