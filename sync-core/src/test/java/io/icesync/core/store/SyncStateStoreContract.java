package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncStateStore} must do; each implementation runs these tests. Another
 * implementation (a shared database for a connector fleet) can extend this class too.
 */
abstract class SyncStateStoreContract {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    static final FolderPath ARCHIVE = FolderPath.of("Archive");

    /** A clock the test moves by hand. */
    static final class ManualClock implements Clock {
        Instant now = Instant.parse("2026-03-01T09:30:00.123456789Z");

        @Override
        public Instant now() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final ManualClock clock = new ManualClock();
    SyncStateStore state;

    abstract SyncStateStore newStore(Clock clock);

    @BeforeEach
    void openStore() {
        state = newStore(clock);
    }

    @AfterEach
    void closeStore() {
        state.close();
    }

    FolderState folder(FolderPath path) {
        return state.putFolder(new FolderState(0, path, FolderKind.MAIL, "local-" + path, null));
    }

    static ItemState item(FolderState f, long uid, String localId) {
        return new ItemState(f.id(), uid, localId, Flags.NONE, 100 + uid, "<" + localId + "@x>", false);
    }

    // --- folders

    @Test
    void aNewFolderGetsAnIdAndNoCursorUntilSynced() {
        FolderState f = state.putFolder(new FolderState(0, FolderPath.of("Projets", "Été 2026"), FolderKind.EVENTS, "L1",
                null));
        assertThat(f.id()).isPositive();
        assertThat(state.folder(f.id())).contains(f);
        assertThat(state.folder(f.id()).orElseThrow().cursor()).isNull();

        FolderState synced = state.putFolder(f.withCursor(new RemoteCursor(77, 1_234_567_890_123L, 40)));
        assertThat(synced.id()).isEqualTo(f.id());
        assertThat(state.folderByPath(FolderPath.of("Projets", "Été 2026"))).contains(synced);
        assertThat(state.folder(f.id()).orElseThrow().cursor()).isEqualTo(new RemoteCursor(77, 1_234_567_890_123L, 40));
        assertThat(state.folderByPath(FolderPath.of("Projets"))).isEmpty();
        assertThat(state.folder(9999)).isEmpty();
    }

    @Test
    void aCursorWithoutModSeqIsNotMistakenForNoCursor() {
        FolderState f = state.putFolder(folder(INBOX).withCursor(new RemoteCursor(1, 0, 0)));
        assertThat(state.folder(f.id()).orElseThrow().cursor()).isEqualTo(new RemoteCursor(1, 0, 0));
    }

    @Test
    void twoFoldersCannotHaveTheSamePath() {
        FolderState a = folder(INBOX);
        FolderState b = folder(ARCHIVE);
        assertThatThrownBy(() -> state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "other", null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("INBOX");
        assertThatThrownBy(() -> state.putFolder(b.withPath(INBOX))).isInstanceOf(StoreException.class);
        assertThat(state.folders()).containsExactly(b, a);
    }

    @Test
    void aNameHoldingTheDisplaySeparatorIsNotANestedPath() {
        FolderState slashName = folder(FolderPath.of("a/b"));
        FolderState nested = folder(FolderPath.of("a", "b"));
        assertThat(slashName.id()).isNotEqualTo(nested.id());
        assertThat(state.folderByPath(FolderPath.of("a/b"))).contains(slashName);
        assertThat(state.folderByPath(FolderPath.of("a", "b"))).contains(nested);
    }

    @Test
    void aNameThatCannotBeStoredFaithfullyIsRefused() {
        assertThatThrownBy(() -> folder(FolderPath.of("a\u0000b"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(state.folders()).isEmpty();
    }

    @Test
    void renamingKeepsTheIdAndFoldersAreListedByPath() {
        FolderState inbox = folder(INBOX);
        FolderState old = folder(FolderPath.of("Old"));
        FolderState child = folder(FolderPath.of("Old", "Child"));
        state.putFolder(old.withPath(FolderPath.of("Archives", "2025")));
        state.putFolder(child.withPath(FolderPath.of("Archives", "2025", "Child")));

        assertThat(state.folders()).extracting(FolderState::path).containsExactly(
                FolderPath.of("Archives", "2025"), FolderPath.of("Archives", "2025", "Child"), INBOX);
        assertThat(state.folderByPath(FolderPath.of("Old"))).isEmpty();
        assertThat(state.folderByPath(FolderPath.of("Archives", "2025"))).map(FolderState::id).contains(old.id());
        assertThat(state.folder(inbox.id())).contains(inbox);
    }

    @Test
    void aRemovedFoldersIdIsNotGivenToTheNextFolder() {
        folder(INBOX);
        FolderState gone = folder(ARCHIVE);
        state.removeFolder(gone.id());
        FolderState next = folder(FolderPath.of("New"));
        assertThat(next.id()).isGreaterThan(gone.id());
        assertThat(state.folder(gone.id())).isEmpty();
    }

    @Test
    void removingAFolderRemovesItsItemsAndFailuresOnly() {
        FolderState inbox = folder(INBOX);
        FolderState archive = folder(ARCHIVE);
        state.putItem(item(inbox, 1, "x"));
        state.putItem(item(archive, 1, "y"));
        state.recordFailure(INBOX, "uid:2", "download", "boom");
        state.recordFailure(ARCHIVE, "uid:3", "download", "boom");

        state.removeFolder(inbox.id());

        assertThat(state.folders()).containsExactly(archive);
        assertThat(state.itemByLocalId("x")).isEmpty();
        assertThat(state.items(inbox.id())).isEmpty();
        assertThat(state.itemByLocalId("y")).isPresent();
        assertThat(state.failures()).extracting(IgnoredItem::folder).containsExactly(ARCHIVE);
        state.removeFolder(inbox.id()); // removing it again is not an error
    }

    // --- items

    @Test
    void anObjectsKeyAndLocalVersionAreKeptWithItsPair() {
        FolderState cal = folder(FolderPath.of("Calendar"));
        ItemState e = new ItemState(cal.id(), 7, "e.ics", Flags.NONE, 512, "<e-1@x>", false, "uid-e", "v1");
        state.putItem(e);
        state.putItem(e.withFlags(Flags.of(Flag.SEEN)));

        assertThat(state.itemByLocalId("e.ics")).get().satisfies(i -> {
            assertThat(i.key()).isEqualTo("uid-e");
            assertThat(i.localVersion()).isEqualTo("v1");
            assertThat(i.flags()).isEqualTo(Flags.of(Flag.SEEN));
        });
        state.putItem(e.withUid(8).withVersion("uid-e", "v2"));
        assertThat(state.items(cal.id())).singleElement().satisfies(i -> {
            assertThat(i.uid()).isEqualTo(8);
            assertThat(i.localVersion()).isEqualTo("v2");
        });
    }

    @Test
    void itemsAreFoundByUidAndByLocalIdAndListedByUid() {
        FolderState inbox = folder(INBOX);
        ItemState three = new ItemState(inbox.id(), 3, "c", Flags.of(Flag.SEEN), 3000, "<c@x>", true);
        ItemState one = new ItemState(inbox.id(), 1, "a", Flags.NONE, 1000, null, false);
        state.putItem(three);
        state.putItem(one);

        assertThat(state.items(inbox.id())).containsExactly(one, three);
        assertThat(state.itemByUid(inbox.id(), 3)).contains(three);
        assertThat(state.itemByUid(inbox.id(), 2)).isEmpty();
        assertThat(state.itemByLocalId("a")).contains(one);
        assertThat(state.itemByLocalId("nope")).isEmpty();
        assertThat(state.itemCount()).isEqualTo(2);
    }

    @Test
    void putItemWithAKnownLocalIdReplacesThePairEvenInAnotherFolder() {
        FolderState inbox = folder(INBOX);
        FolderState archive = folder(ARCHIVE);
        Flags flags = Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1");
        state.putItem(new ItemState(inbox.id(), 5, "local-5", flags, 1234, "<m@x>", true));

        ItemState moved = new ItemState(archive.id(), 9, "local-5", flags.withKeyword("Work"), 1234, "<m@x>", false);
        state.putItem(moved);

        assertThat(state.items(inbox.id())).isEmpty();
        assertThat(state.itemByUid(inbox.id(), 5)).isEmpty();
        assertThat(state.items(archive.id())).containsExactly(moved);
        assertThat(state.itemByLocalId("local-5")).contains(moved);
        assertThat(state.itemCount()).isEqualTo(1);
    }

    @Test
    void flagsAndKeywordsComeBackExactly() {
        FolderState inbox = folder(INBOX);
        List<Flags> samples = List.of(
                Flags.NONE,
                Flags.of(EnumSet.allOf(Flag.class), Set.of()),
                Flags.of(Flag.DELETED),
                Flags.of(Set.of(Flag.SEEN), Set.of("Work", "work", "WORK")),
                Flags.of(Set.of(), Set.of(Flags.COMPLETED, "$label1", "$Forwarded", "NonJunk", "a.b-c_d!#&+")),
                Flags.of(Set.of(), Set.of("Seen", "$Seen", "Flagged")));
        for (int i = 0; i < samples.size(); i++) {
            state.putItem(new ItemState(inbox.id(), i + 1, "i" + i, samples.get(i), 1, null, false));
        }
        for (int i = 0; i < samples.size(); i++) {
            assertThat(state.itemByLocalId("i" + i).orElseThrow().flags()).as("sample %d", i).isEqualTo(samples.get(i));
        }
        assertThat(state.items(inbox.id())).extracting(ItemState::flags).containsExactlyElementsOf(samples);
    }

    @Test
    void anItemMustBelongToAKnownFolder() {
        assertThatThrownBy(() -> state.putItem(new ItemState(42, 1, "orphan", Flags.NONE, 1, null, false)))
                .isInstanceOf(StoreException.class).hasMessageContaining("orphan").hasMessageContaining("42");
        assertThat(state.itemCount()).isZero();
    }

    @Test
    void removeItemAndRemoveItems() {
        FolderState inbox = folder(INBOX);
        FolderState archive = folder(ARCHIVE);
        state.putItem(item(inbox, 1, "a"));
        state.putItem(item(inbox, 2, "b"));
        state.putItem(item(archive, 1, "c"));

        state.removeItem("a");
        state.removeItem("never-there");
        assertThat(state.items(inbox.id())).extracting(ItemState::localId).containsExactly("b");

        state.removeItems(inbox.id());
        assertThat(state.items(inbox.id())).isEmpty();
        assertThat(state.folder(inbox.id())).as("the folder row stays (UIDVALIDITY change)").isPresent();
        assertThat(state.items(archive.id())).extracting(ItemState::localId).containsExactly("c");
        assertThat(state.itemCount()).isEqualTo(1);
    }

    // --- intents

    @Test
    void pendingIntentsKeepEveryFieldAndTheirOrder() {
        PendingOp move = state.addPending(new PendingOp(0, PendingOp.Kind.MOVE, INBOX, FolderPath.of("Archives", "2025"),
                "l1", 5, "<m@x>", 99));
        PendingOp append = state.addPending(new PendingOp(0, PendingOp.Kind.APPEND, INBOX, null, "l2", 0, null, 0));
        PendingOp rename = state.addPending(new PendingOp(0, PendingOp.Kind.RENAME_FOLDER, FolderPath.of("a/b"),
                FolderPath.of("a", "b"), null, 0, null, 0));

        assertThat(move.id()).isPositive();
        assertThat(append.id()).isGreaterThan(move.id());
        assertThat(state.pending()).containsExactly(move, append, rename);
        assertThat(move).isEqualTo(new PendingOp(move.id(), PendingOp.Kind.MOVE, INBOX, FolderPath.of("Archives", "2025"),
                "l1", 5, "<m@x>", 99));

        state.removePending(append.id());
        assertThat(state.pending()).containsExactly(move, rename);
        state.removePending(append.id());
        PendingOp later = state.addPending(new PendingOp(0, PendingOp.Kind.APPEND, INBOX, null, "l3", 0, null, 0));
        assertThat(later.id()).isGreaterThan(rename.id());
    }

    // --- failures

    @Test
    void threeFailuresPutAnItemOnTheIgnoredList() {
        IgnoredItem f = null;
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            f = state.recordFailure(INBOX, "uid:7", "download of server item 7", "error " + i);
            assertThat(f.failures()).isEqualTo(i);
            assertThat(f.ignored()).isEqualTo(i >= IgnoredItem.LIMIT);
        }
        assertThat(f).isEqualTo(new IgnoredItem(INBOX, "uid:7", "download of server item 7", 3, "error 3", clock.now));
        assertThat(state.failures()).containsExactly(f);
    }

    @Test
    void failuresAreListedMostRecentFirstAndClearedByItemOrFolder() {
        state.recordFailure(INBOX, "uid:7", "download", "no");
        clock.advance(Duration.ofSeconds(1));
        state.recordFailure(ARCHIVE, "local:z", "upload", "no");
        clock.advance(Duration.ofSeconds(1));
        state.recordFailure(FolderPath.of("a/b"), "uid:1", "download", "no");
        clock.advance(Duration.ofSeconds(1));
        state.recordFailure(FolderPath.of("a", "b"), "uid:1", "download", "no");
        clock.advance(Duration.ofSeconds(1));
        state.recordFailure(INBOX, "uid:7", "download", "again");

        assertThat(state.failures()).extracting(i -> i.folder() + " " + i.key() + " " + i.failures()).containsExactly(
                "INBOX uid:7 2", "a/b uid:1 1", "a/b uid:1 1", "Archive local:z 1");
        assertThat(state.failures().get(1).folder()).isEqualTo(FolderPath.of("a", "b"));

        state.clearFailure(INBOX, "uid:7");
        state.clearFailure(INBOX, "uid:never");
        assertThat(state.failures()).extracting(IgnoredItem::key).containsExactly("uid:1", "uid:1", "local:z");

        state.clearFailures(FolderPath.of("a", "b"));
        assertThat(state.failures()).extracting(IgnoredItem::folder).containsExactly(FolderPath.of("a/b"), ARCHIVE);

        state.clearFailures(null);
        assertThat(state.failures()).isEmpty();
        assertThat(state.recordFailure(INBOX, "uid:7", "download", "fresh").failures())
                .as("a cleared item counts from one again").isEqualTo(1);
    }

    // --- session log

    @Test
    void theSessionLogKeepsTheLast200EventsOldestFirst() {
        for (int i = 0; i < 250; i++) {
            state.log(new SessionEvent(Instant.ofEpochSecond(1_700_000_000L + i), SessionEvent.Level.INFO, "event " + i,
                    null));
        }
        List<SessionEvent> all = state.recentEvents(1000);
        assertThat(all).hasSize(200);
        assertThat(all.get(0).message()).isEqualTo("event 50");
        assertThat(all.get(199).message()).isEqualTo("event 249");
        assertThat(state.recentEvents(2)).extracting(SessionEvent::message).containsExactly("event 248", "event 249");
        assertThat(state.recentEvents(0)).isEmpty();
        assertThatThrownBy(() -> state.recentEvents(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionEventsComeBackExactly() {
        SessionEvent e1 = new SessionEvent(Instant.parse("2026-03-01T09:30:00.123456789Z"), SessionEvent.Level.WARNING,
                "item synchronisation of INBOX", "3 items ignored\nsee the ignored list");
        SessionEvent e2 = new SessionEvent(Instant.parse("2026-03-01T09:31:00Z"), SessionEvent.Level.ERROR, "connection",
                null);
        state.log(e1);
        state.log(e2);
        assertThat(state.recentEvents(10)).containsExactly(e1, e2);
    }

    // --- values

    @Test
    void namedValuesAreStoredAndReplaced() {
        assertThat(state.value("firstSync")).isEmpty();
        state.putValue("firstSync", "MERGE");
        state.putValue("lastSync", "2026-03-01T09:30:00Z");
        state.putValue("firstSync", "SERVER_WINS");
        assertThat(state.value("firstSync")).contains("SERVER_WINS");
        assertThat(state.value("lastSync")).contains("2026-03-01T09:30:00Z");
        state.putValue("empty", "");
        assertThat(state.value("empty")).contains("");
    }

    // --- transactions

    @Test
    void nestedTransactionsCommitTogether() {
        FolderState inbox = folder(INBOX);
        state.inTransaction(() -> {
            state.putItem(item(inbox, 1, "one"));
            state.inTransaction(() -> state.putItem(item(inbox, 2, "two")));
            state.putValue("k", "v");
        });
        assertThat(state.items(inbox.id())).extracting(ItemState::localId).containsExactly("one", "two");
        assertThat(state.value("k")).contains("v");
    }

    @Test
    void anExceptionInAnInnerTransactionRollsBackTheOuterOne() {
        FolderState inbox = folder(INBOX);
        state.putItem(item(inbox, 1, "one"));

        assertThatThrownBy(() -> state.inTransaction(() -> {
            state.putItem(item(inbox, 3, "three"));
            folder(ARCHIVE);
            state.addPending(new PendingOp(0, PendingOp.Kind.APPEND, INBOX, null, "three", 0, null, 0));
            state.inTransaction(() -> {
                state.removeItem("one");
                throw new IllegalStateException("inner failure");
            });
        })).isInstanceOf(IllegalStateException.class).hasMessage("inner failure");

        assertThat(state.itemByLocalId("three")).isEmpty();
        assertThat(state.itemByLocalId("one")).isPresent();
        assertThat(state.folderByPath(ARCHIVE)).isEmpty();
        assertThat(state.pending()).isEmpty();
    }

    @Test
    void anInnerFailureCaughtInsideTheOuterTransactionStillRollsItBack() {
        FolderState inbox = folder(INBOX);
        state.putItem(item(inbox, 1, "one"));

        assertThatThrownBy(() -> state.inTransaction(() -> {
            state.putItem(item(inbox, 2, "two"));
            try {
                state.inTransaction(() -> {
                    state.removeItem("one");
                    throw new IllegalStateException("half done");
                });
            } catch (IllegalStateException swallowed) {
                // the caller carries on as if nothing happened
            }
        })).isInstanceOf(StoreException.class).hasMessageContaining("rolled back")
                .hasRootCauseMessage("half done");

        assertThat(state.items(inbox.id())).extracting(ItemState::localId).containsExactly("one");
    }

    @Test
    void anErrorRollsBackTooAndTheStoreStaysUsable() {
        FolderState inbox = folder(INBOX);
        assertThatThrownBy(() -> state.inTransaction(() -> {
            state.putValue("k", "v");
            state.log(new SessionEvent(clock.now(), SessionEvent.Level.INFO, "inside", null));
            state.recordFailure(INBOX, "uid:1", "download", "x");
            throw new AssertionError("a simulated kill");
        })).isInstanceOf(AssertionError.class);
        assertThat(state.value("k")).isEmpty();
        assertThat(state.recentEvents(10)).isEmpty();
        assertThat(state.failures()).isEmpty();

        state.inTransaction(() -> state.putItem(item(inbox, 1, "after")));
        assertThat(state.itemByLocalId("after")).isPresent();
    }

    @Test
    void aFailedStoreCallInsideATransactionLeavesNoTrace() {
        FolderState inbox = folder(INBOX);
        state.inTransaction(() -> {
            state.putItem(item(inbox, 1, "one"));
            assertThatThrownBy(() -> folder(INBOX)).isInstanceOf(StoreException.class);
            state.putItem(item(inbox, 2, "two"));
        });
        assertThat(state.items(inbox.id())).hasSize(2);
        assertThat(state.folders()).containsExactly(inbox);
    }

    @Test
    void aClosedStoreSaysSo() {
        state.close();
        assertThatThrownBy(() -> state.folders()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> state.putValue("k", "v")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> state.inTransaction(() -> { })).isInstanceOf(StoreException.class);
        state.close(); // twice is fine
    }

    @Test
    void aStoreThatKeepsNoSharingRefusesToBeAskedForIt() {
        org.junit.jupiter.api.Assumptions.assumeFalse(state.keepsSharing(), "this store keeps rights and shares");
        assertThatThrownBy(state::shares).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(state::folderAccess).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsFolderRightsSharesAndAccountGrants() {
        // Optional (F8): a store that keeps no sharing says so, and the facade does without it.
        org.junit.jupiter.api.Assumptions.assumeTrue(state.keepsSharing(), "this store keeps no rights or shares");
        FolderPath cal = FolderPath.of("Calendar");
        FolderPath shared = FolderPath.of("~jean@iwdemo.test", "Calendar");
        java.util.Map<String, String> acl = new java.util.LinkedHashMap<>();
        acl.put("josephine@iwdemo.test", "lrs");
        acl.put("anyone", "l");
        state.putFolderAccess(new io.icesync.core.spi.FolderAccess(cal, "lrswipkxtea", acl, false));
        state.putFolderAccess(new io.icesync.core.spi.FolderAccess(INBOX, "lrswipkxtea", null, true));
        assertThat(state.folderAccess()).containsExactly(
                new io.icesync.core.spi.FolderAccess(cal, "lrswipkxtea", acl, false),
                new io.icesync.core.spi.FolderAccess(INBOX, "lrswipkxtea", null, true));
        assertThat(state.folderAccess().get(0).acl().keySet()).as("the server's order")
                .containsExactly("josephine@iwdemo.test", "anyone");
        state.removeFolderAccess(INBOX);
        assertThat(state.folderAccess()).hasSize(1);

        var offer = new io.icesync.core.spi.ShareState(shared, "jean@iwdemo.test", "lrs",
                io.icesync.core.spi.ShareState.Status.OFFERED);
        state.putShare(offer);
        state.putShare(offer.with(io.icesync.core.spi.ShareState.Status.REFUSED));
        assertThat(state.shares()).containsExactly(offer.with(io.icesync.core.spi.ShareState.Status.REFUSED));
    }

    @Test
    void rightsWrittenInARolledBackTransactionAreNotKept() {
        // Optional (F8): a store that keeps no sharing says so, and the facade does without it.
        org.junit.jupiter.api.Assumptions.assumeTrue(state.keepsSharing(), "this store keeps no rights or shares");
        FolderPath shared = FolderPath.of("~jean@iwdemo.test", "Calendar");
        var offer = new io.icesync.core.spi.ShareState(shared, "jean@iwdemo.test", "lrs",
                io.icesync.core.spi.ShareState.Status.OFFERED);
        state.putShare(offer);
        assertThatThrownBy(() -> state.inTransaction(() -> {
            state.putShare(offer.with(io.icesync.core.spi.ShareState.Status.SUBSCRIBED));
            state.putAccountGrant("anyone", "lr");
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(state.shares()).containsExactly(offer);
        assertThat(state.accountGrants()).isEmpty();
        state.putAccountGrant("josephine@iwdemo.test", "lrs");
        state.putAccountGrant("anyone", "l");
        state.putAccountGrant("anyone", null);
        assertThat(state.accountGrants()).containsExactly(java.util.Map.entry("josephine@iwdemo.test", "lrs"));
        state.removeShare(shared);
        assertThat(state.shares()).isEmpty();
    }
}
