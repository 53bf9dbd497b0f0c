package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SyncStateStore} must do; each implementation runs these tests. */
abstract class SyncStateStoreContract {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    SyncStateStore state;

    abstract SyncStateStore newStore();

    @BeforeEach
    void setUp() {
        state = newStore();
    }

    @Test
    void foldersAreSavedWithTheirCursorAndPathsAreUnique() {
        FolderState f = state.putFolder(new FolderState(0, FolderPath.of("Projets", "Été 2026"), FolderKind.MAIL, "L1", null));
        assertThat(f.id()).isPositive();
        FolderState synced = state.putFolder(f.withCursor(new RemoteCursor(77, 1234567890123L, 40)));
        assertThat(state.folderByPath(FolderPath.of("Projets", "Été 2026"))).contains(synced);
        assertThat(state.folder(f.id())).contains(synced);
        assertThatThrownBy(() -> state.putFolder(new FolderState(0, FolderPath.of("Projets", "Été 2026"), FolderKind.MAIL,
                "L2", null))).isInstanceOf(StoreException.class);
        state.putFolder(synced.withPath(FolderPath.of("Archive")));
        assertThat(state.folders()).extracting(FolderState::path).containsExactly(FolderPath.of("Archive"));
    }

    @Test
    void itemsAreFoundByUidAndLocalIdAndMoveByPut() {
        FolderState a = state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        FolderState b = state.putFolder(new FolderState(0, FolderPath.of("B"), FolderKind.MAIL, "B", null));
        Flags flags = Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1").withKeyword("Work");
        ItemState i = new ItemState(a.id(), 5, "local-5", flags, 1234, "<m@x>", true);
        state.putItem(i);
        assertThat(state.itemByUid(a.id(), 5)).contains(i);
        assertThat(state.itemByLocalId("local-5")).contains(i);

        state.putItem(new ItemState(b.id(), 9, "local-5", flags, 1234, "<m@x>", false));
        assertThat(state.items(a.id())).isEmpty();
        assertThat(state.items(b.id())).extracting(ItemState::uid).containsExactly(9L);
        assertThat(state.itemCount()).isEqualTo(1);

        state.removeItems(b.id());
        assertThat(state.itemCount()).isZero();
    }

    @Test
    void removingAFolderRemovesItsItemsAndFailures() {
        FolderState a = state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        state.putItem(new ItemState(a.id(), 1, "x", Flags.NONE, 1, null, false));
        state.recordFailure(INBOX, "uid:2", "download", "boom");
        state.removeFolder(a.id());
        assertThat(state.itemByLocalId("x")).isEmpty();
        assertThat(state.failures()).isEmpty();
        assertThat(state.folders()).isEmpty();
    }

    @Test
    void pendingIntentsRoundTrip() {
        PendingOp op = state.addPending(new PendingOp(0, PendingOp.Kind.MOVE, INBOX, FolderPath.of("Archive"), "l1", 5,
                "<m@x>", 99));
        assertThat(op.id()).isPositive();
        assertThat(state.pending()).containsExactly(op);
        state.removePending(op.id());
        assertThat(state.pending()).isEmpty();
    }

    @Test
    void failuresCountToTheIgnoredList() {
        IgnoredItem f = null;
        for (int i = 1; i <= 3; i++) {
            f = state.recordFailure(INBOX, "uid:7", "download of server item 7", "error " + i);
            assertThat(f.failures()).isEqualTo(i);
        }
        assertThat(f.ignored()).isTrue();
        assertThat(f.lastError()).isEqualTo("error 3");
        state.recordFailure(FolderPath.of("B"), "local:z", "upload", "no");
        assertThat(state.failures()).extracting(IgnoredItem::key).containsExactly("local:z", "uid:7");
        state.clearFailure(INBOX, "uid:7");
        assertThat(state.failures()).extracting(IgnoredItem::key).containsExactly("local:z");
        state.clearFailures(null);
        assertThat(state.failures()).isEmpty();
    }

    @Test
    void sessionLogKeepsTheLast200OldestFirst() {
        for (int i = 0; i < 250; i++) {
            state.log(new SessionEvent(Instant.ofEpochMilli(i), SessionEvent.Level.INFO, "event " + i, null));
        }
        assertThat(state.recentEvents(1000)).hasSize(200).first().extracting(SessionEvent::message).isEqualTo("event 50");
        assertThat(state.recentEvents(2)).extracting(SessionEvent::message).containsExactly("event 248", "event 249");
    }

    @Test
    void transactionsCommitTogetherOrNotAtAll() {
        FolderState a = state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        state.inTransaction(() -> {
            state.putItem(new ItemState(a.id(), 1, "one", Flags.NONE, 1, null, false));
            state.inTransaction(() -> state.putItem(new ItemState(a.id(), 2, "two", Flags.NONE, 1, null, false)));
        });
        assertThat(state.itemCount()).isEqualTo(2);

        assertThatThrownBy(() -> state.inTransaction(() -> {
            state.putItem(new ItemState(a.id(), 3, "three", Flags.NONE, 1, null, false));
            state.inTransaction(() -> {
                state.removeItem("one");
                throw new IllegalStateException("inner failure");
            });
        })).hasMessage("inner failure");
        assertThat(state.itemByLocalId("three")).isEmpty();
        assertThat(state.itemByLocalId("one")).isPresent();

        assertThatThrownBy(() -> state.inTransaction(() -> {
            state.putValue("k", "v");
            throw new AssertionError("an Error rolls back too");
        })).isInstanceOf(AssertionError.class);
        assertThat(state.value("k")).isEmpty();
    }
}
