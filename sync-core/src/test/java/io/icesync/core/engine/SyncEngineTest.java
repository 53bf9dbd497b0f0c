package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.ARCHIVE;
import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.SpecialUse;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.DownloadMode;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SyncEngineTest {
    final EngineFixture fx = new EngineFixture();
    final MemoryRemote remote = fx.remote;
    static final FolderPath ETE = FolderPath.of("Projets", "Été 2026");

    @Test
    void initialSyncCopiesTreeAndMailButNotDrafts() {
        remote.serverAdd(INBOX, "<a@x>", Flags.of(Flag.SEEN));
        remote.serverAdd(INBOX, "<b@x>", Flags.NONE.withKeyword("$label1"));
        remote.createFolder(ETE, FolderKind.MAIL);
        remote.serverAdd(ETE, "<c@x>", Flags.NONE);
        remote.serverCreate(FolderPath.of("Drafts"), SpecialUse.DRAFTS);
        remote.serverAdd(FolderPath.of("Drafts"), "<draft@x>", Flags.NONE);

        SyncReport r = fx.sync();

        assertThat(r.ok()).isTrue();
        assertThat(r.downloaded()).isEqualTo(3);
        assertThat(Sides.local(fx.local)).containsOnlyKeys(INBOX, FolderPath.of("Projets"), ETE);
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<a@x> (\\Seen)", "<b@x> ($label1)");
        assertThat(Sides.local(fx.local).get(ETE)).containsExactly("<c@x> ()");
    }

    @Test
    void resyncWithoutChangesFetchesNothing() {
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.sync();
        int fetches = remote.fetchCalls;

        SyncReport r = fx.sync();

        assertThat(r.changedAnything()).isFalse();
        assertThat(remote.fetchCalls).isEqualTo(fetches);
    }

    @Test
    void flagChangesOnBothSidesMerge() {
        long a = remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        remote.serverAdd(INBOX, "<b@x>", Flags.of(Flag.SEEN));
        fx.sync();
        LocalItem la = fx.localItem(INBOX, "<a@x>");
        fx.local.setFlags(INBOX, la.id(), Flags.of(Flag.SEEN));
        remote.serverFlags(INBOX, a, Flags.of(Flag.FLAGGED).withKeyword("Projet_X"));
        LocalItem lb = fx.localItem(INBOX, "<b@x>");
        fx.local.setFlags(INBOX, lb.id(), Flags.NONE);

        fx.sync();

        List<String> expected = List.of("<a@x> (\\Flagged \\Seen Projet_X)", "<b@x> ()");
        assertThat(Sides.local(fx.local).get(INBOX)).isEqualTo(expected);
        assertThat(Sides.remote(remote).get(INBOX)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "qresync={0} condstore={1}")
    @CsvSource({"true,true", "false,true", "false,false"})
    void deletionsPropagateBothWays(boolean qresync, boolean condstore) {
        remote.qresync = qresync;
        remote.condstore = condstore;
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        long b = remote.serverAdd(INBOX, "<b@x>", Flags.NONE);
        remote.serverAdd(INBOX, "<c@x>", Flags.NONE);
        fx.sync();
        fx.local.delete(INBOX, fx.localItem(INBOX, "<a@x>").id());
        remote.serverExpunge(INBOX, b);

        fx.sync();

        assertThat(fx.remoteIds(INBOX)).containsExactly("<c@x>");
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<c@x> ()");
    }

    @Test
    void newLocalMailIsUploadedOnce() {
        fx.sync();
        fx.localAdd(INBOX, "<new@x>", Flags.of(Flag.SEEN));

        fx.sync();
        fx.sync();

        assertThat(remote.appendCalls).isEqualTo(1);
        assertThat(Sides.remote(remote).get(INBOX)).containsExactly("<new@x> (\\Seen)");
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<new@x> (\\Seen)");
    }

    @Test
    void localMoveIsOneServerMoveNeverACopy() {
        remote.createFolder(ARCHIVE, FolderKind.MAIL);
        remote.serverAdd(INBOX, "<a@x>", Flags.of(Flag.SEEN));
        fx.sync();
        fx.local.move(INBOX, fx.localItem(INBOX, "<a@x>").id(), ARCHIVE);

        fx.sync();
        SyncReport again = fx.sync();

        assertThat(remote.moveCalls).isEqualTo(1);
        assertThat(remote.appendCalls).isZero();
        assertThat(fx.remoteIds(INBOX)).isEmpty();
        assertThat(fx.remoteIds(ARCHIVE)).containsExactly("<a@x>");
        assertThat(again.changedAnything()).isFalse();
    }

    @Test
    void moveByAnotherClientLeavesOneLocalCopy() {
        remote.createFolder(ARCHIVE, FolderKind.MAIL);
        long a = remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.sync();
        remote.move(INBOX, List.of(a), ARCHIVE);

        fx.sync();

        assertThat(Sides.local(fx.local).get(INBOX)).isEmpty();
        assertThat(Sides.local(fx.local).get(ARCHIVE)).containsExactly("<a@x> ()");
        assertThat(remote.appendCalls).isZero();
    }

    @Test
    void folderCreatedRenamedAndDeletedOnEitherSide() {
        remote.createFolder(ARCHIVE, FolderKind.MAIL);
        remote.serverAdd(ARCHIVE, "<a@x>", Flags.NONE);
        fx.sync();
        int fetches = remote.fetchCalls;

        // server renames: the local folder is renamed with its items, nothing is downloaded again
        remote.serverRename(ARCHIVE, FolderPath.of("Old", "Archive 2025"));
        fx.sync();
        assertThat(Sides.local(fx.local)).containsKey(FolderPath.of("Old", "Archive 2025")).doesNotContainKey(ARCHIVE);
        assertThat(Sides.local(fx.local).get(FolderPath.of("Old", "Archive 2025"))).containsExactly("<a@x> ()");
        assertThat(remote.fetchCalls).isEqualTo(fetches);

        // local rename: renamed on the server, items kept
        fx.local.renameFolder(FolderPath.of("Old", "Archive 2025"), FolderPath.of("Clients", "Société Générale"));
        fx.sync();
        assertThat(remote.boxes).containsKey(FolderPath.of("Clients", "Société Générale"))
                .doesNotContainKey(FolderPath.of("Old", "Archive 2025"));
        assertThat(fx.remoteIds(FolderPath.of("Clients", "Société Générale"))).containsExactly("<a@x>");

        // local create, then server delete of an empty synced folder, then local delete
        fx.local.createFolder(FolderPath.of("Nouveau"), FolderKind.MAIL);
        fx.sync();
        assertThat(remote.boxes).containsKey(FolderPath.of("Nouveau"));
        remote.deleteFolder(FolderPath.of("Nouveau"));
        fx.sync();
        assertThat(Sides.local(fx.local)).doesNotContainKey(FolderPath.of("Nouveau"));
        fx.local.deleteFolder(FolderPath.of("Clients", "Société Générale"));
        fx.sync();
        assertThat(remote.boxes).doesNotContainKey(FolderPath.of("Clients", "Société Générale"));
    }

    @Test
    void serverFolderDeletionKeepsUnsyncedLocalMail() {
        remote.createFolder(ARCHIVE, FolderKind.MAIL);
        fx.sync();
        fx.localAdd(ARCHIVE, "<precious@x>", Flags.NONE);
        remote.deleteFolder(ARCHIVE);

        fx.sync();

        assertThat(fx.remoteIds(ARCHIVE)).containsExactly("<precious@x>");
        assertThat(Sides.local(fx.local).get(ARCHIVE)).containsExactly("<precious@x> ()");
    }

    @Test
    void uidValidityChangeRematchesWithoutDuplicatesAndKeepsLocalChanges() {
        for (int i = 0; i < 5; i++) {
            remote.serverAdd(INBOX, "<m" + i + "@x>", Flags.NONE);
        }
        fx.sync();
        int fetches = remote.fetchCalls;
        fx.localAdd(INBOX, "<local-only@x>", Flags.NONE);
        fx.local.setFlags(INBOX, fx.localItem(INBOX, "<m1@x>").id(), Flags.of(Flag.SEEN));
        remote.serverBumpValidity(INBOX);

        fx.sync();
        fx.sync();

        assertThat(fx.remoteIds(INBOX)).hasSize(6).doesNotHaveDuplicates().contains("<local-only@x>");
        assertThat(Sides.local(fx.local).get(INBOX)).hasSize(6);
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(remote));
        assertThat(remote.fetchCalls).as("nothing downloaded again").isEqualTo(fetches);
        assertThat(fx.engine().events(50)).extracting(SessionEvent::message).anyMatch(m -> m.contains("UIDVALIDITY"));
    }

    /** Messages without a Message-ID are found again by size and order, with the flags set here since. */
    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void uidValidityChangeKeepsALocalFlagOfAMessageWithoutMessageId(ConflictPolicy policy) {
        fx.policy(policy);
        remote.serverAdd(INBOX, "Subject: no id\r\n\r\nshort\r\n".getBytes(StandardCharsets.UTF_8), Flags.NONE);
        remote.serverAdd(INBOX, "Subject: no id either\r\n\r\na longer body\r\n".getBytes(StandardCharsets.UTF_8),
                Flags.of(Flag.SEEN));
        fx.sync();
        LocalItem unread = fx.local.items(INBOX).stream().filter(i -> i.flags().equals(Flags.NONE)).findFirst().orElseThrow();
        fx.local.setFlags(INBOX, unread.id(), Flags.of(Flag.FLAGGED));
        remote.serverBumpValidity(INBOX);

        fx.sync();

        assertThat(Sides.remote(remote).get(INBOX)).containsExactly("null (\\Flagged)", "null (\\Seen)");
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(remote));
        assertThat(fx.sync().changedAnything()).isFalse();
    }

    @Test
    void localDeletionAgainstServerChangeFollowsPolicy() {
        long a = remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.sync();
        fx.local.delete(INBOX, fx.localItem(INBOX, "<a@x>").id());
        remote.serverFlags(INBOX, a, Flags.of(Flag.FLAGGED));
        fx.policy(ConflictPolicy.SERVER_WINS);

        fx.sync();
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<a@x> (\\Flagged)");

        fx.local.delete(INBOX, fx.localItem(INBOX, "<a@x>").id());
        remote.serverFlags(INBOX, a, Flags.of(Flag.FLAGGED, Flag.SEEN));
        fx.policy(ConflictPolicy.CLIENT_WINS);
        fx.sync();
        assertThat(fx.remoteIds(INBOX)).isEmpty();
    }

    @Test
    void serverDeletionAgainstLocalChangeFollowsPolicy() {
        long a = remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.sync();
        fx.local.setFlags(INBOX, fx.localItem(INBOX, "<a@x>").id(), Flags.of(Flag.FLAGGED));
        remote.serverExpunge(INBOX, a);
        fx.policy(ConflictPolicy.CLIENT_WINS);

        fx.sync();
        assertThat(Sides.remote(remote).get(INBOX)).containsExactly("<a@x> (\\Flagged)");

        long again = remote.findByMessageId(INBOX, "<a@x>").get(0);
        fx.local.setFlags(INBOX, fx.localItem(INBOX, "<a@x>").id(), Flags.of(Flag.SEEN));
        remote.serverExpunge(INBOX, again);
        fx.policy(ConflictPolicy.SERVER_WINS);
        fx.sync();
        assertThat(Sides.local(fx.local).get(INBOX)).isEmpty();
    }

    @Test
    void itemFailingThreeTimesIsIgnoredUntilSynchroniseAll() {
        long a = remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        remote.serverAdd(INBOX, "<b@x>", Flags.NONE);
        remote.failFetch.add(a);

        for (int i = 0; i < 3; i++) {
            SyncReport r = fx.sync();
            assertThat(r.downloaded()).isEqualTo(i == 0 ? 1 : 0);
            assertThat(r.failed()).isEqualTo(1);
        }
        assertThat(fx.engine().failures()).singleElement().satisfies(f -> {
            assertThat(f.ignored()).isTrue();
            assertThat(f.key()).isEqualTo("uid:" + a);
        });
        assertThat(fx.sync().failed()).as("ignored items are not tried again").isZero();

        remote.failFetch.clear();
        SyncReport all = fx.engine().syncAll();
        assertThat(all.downloaded()).isEqualTo(1);
        assertThat(fx.engine().failures()).isEmpty();
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<a@x> ()", "<b@x> ()");
    }

    @Test
    void firstSyncOfNonEmptyLocalStoreNeedsAChoice() {
        remote.serverAdd(INBOX, "<shared@x>", Flags.NONE);
        fx.local.createFolder(INBOX, FolderKind.MAIL);
        byte[] same = remote.boxes.get(INBOX).msgs.firstEntry().getValue().body;
        fx.local.add(INBOX, Flags.NONE, 0, new java.io.ByteArrayInputStream(same));
        fx.localAdd(INBOX, "<mine@x>", Flags.NONE);

        assertThatThrownBy(fx::sync).isInstanceOf(IceSyncException.class).hasMessageContaining("2 items");

        SyncEngine upload = SyncEngine.builder().remote(remote).local(fx.local).state(fx.state)
                .settings(() -> fx.settings).firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).build();
        upload.syncOnce();
        assertThat(fx.remoteIds(INBOX)).containsExactlyInAnyOrder("<shared@x>", "<mine@x>");
        assertThat(Sides.local(fx.local).get(INBOX)).hasSize(2);
    }

    @Test
    void firstSyncCanDeleteLocalDataFirst() {
        remote.serverAdd(INBOX, "<server@x>", Flags.NONE);
        fx.local.createFolder(FolderPath.of("Old"), FolderKind.MAIL);
        fx.localAdd(FolderPath.of("Old"), "<stale@x>", Flags.NONE);

        SyncEngine wipe = SyncEngine.builder().remote(remote).local(fx.local).state(fx.state)
                .settings(() -> fx.settings).firstSync(n -> FirstSyncChoice.DELETE_LOCAL).build();
        wipe.syncOnce();

        assertThat(Sides.local(fx.local)).containsOnlyKeys(INBOX);
        assertThat(remote.boxes).doesNotContainKey(FolderPath.of("Old"));
    }

    @Test
    void headersOnlyItemsAreCompletedWhenTheThresholdAllows() {
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.settings = fx.settings.toBuilder().downloadMode(DownloadMode.HEADERS_ONLY).build();
        fx.sync();
        assertThat(fx.state.items(fx.state.folderByPath(INBOX).orElseThrow().id()))
                .singleElement().satisfies(i -> assertThat(i.partial()).isTrue());

        fx.settings = fx.settings.toBuilder().downloadMode(DownloadMode.FULL).applyThresholdToExisting(true).build();
        fx.sync();
        assertThat(fx.state.items(fx.state.folderByPath(INBOX).orElseThrow().id()))
                .singleElement().satisfies(i -> assertThat(i.partial()).isFalse());
    }

    @Test
    void countersEventsAndNewMailAreReported() {
        fx.sync();
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        remote.serverAdd(INBOX, "<b@x>", Flags.of(Flag.SEEN));
        List<SyncCounters> counters = new ArrayList<>();
        List<NewMail> newMail = new ArrayList<>();
        fx.settings = fx.settings.toBuilder().hideNewMailAfter(java.time.Duration.ofSeconds(12)).build();
        SyncEngine e = fx.engine();
        e.addListener(new SyncListener() {
            @Override
            public void onCounters(SyncCounters c) {
                counters.add(c);
            }

            @Override
            public void onNewMail(NewMail event) {
                newMail.add(event);
            }
        });

        e.syncOnce();

        assertThat(e.counters().downloaded()).isEqualTo(2);
        assertThat(e.counters().toDownload()).isEqualTo(2);
        assertThat(counters).isNotEmpty();
        // one unread message of the two, in INBOX, with the profile's "hide after" for the app to honour
        assertThat(newMail).containsExactly(new NewMail(INBOX, 1, java.time.Duration.ofSeconds(12)));
        assertThat(e.events(200)).extracting(SessionEvent::message)
                .contains("folder structure synchronised", "item synchronisation of INBOX");
    }

    @Test
    void readOnlyFolderRevertsLocalChangesWhenAsked() {
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        remote.boxes.get(INBOX).rights = io.icesync.core.Rights.parse("lrs");
        fx.settings = fx.settings.toBuilder().revertReadOnlyChanges(true).build();
        fx.sync();
        fx.local.delete(INBOX, fx.localItem(INBOX, "<a@x>").id());
        fx.localAdd(INBOX, "<cannot@x>", Flags.NONE);

        fx.sync();

        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<a@x> ()");
        assertThat(fx.remoteIds(INBOX)).containsExactly("<a@x>");
    }

    @Test
    void seenOnlyRightsTakeSeenAndRevertTheOtherFlags() {
        // RFC 4314: "s" keeps \Seen only; a server may accept a STORE of \Flagged and drop it (Dovecot does).
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        remote.boxes.get(INBOX).rights = io.icesync.core.Rights.parse("lrs");
        fx.settings = fx.settings.toBuilder().revertReadOnlyChanges(true).build();
        fx.sync();
        fx.local.setFlags(INBOX, fx.localItem(INBOX, "<a@x>").id(), Flags.of(Flag.SEEN, Flag.FLAGGED));

        fx.sync();

        assertThat(Sides.remote(remote).get(INBOX)).containsExactly("<a@x> (\\Seen)");
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<a@x> (\\Seen)");
    }

    @Test
    void seenOnlyRightsWithoutRevertingSendSeenAndReportTheRefusedFlag() {
        remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        remote.boxes.get(INBOX).rights = io.icesync.core.Rights.parse("lrs");
        fx.sync();
        fx.local.setFlags(INBOX, fx.localItem(INBOX, "<a@x>").id(), Flags.of(Flag.SEEN, Flag.FLAGGED));

        assertThat(fx.sync().failed()).isEqualTo(1);

        assertThat(Sides.remote(remote).get(INBOX)).as("what \"s\" allows goes up").containsExactly("<a@x> (\\Seen)");
        assertThat(Sides.local(fx.local).get(INBOX)).as("the refused flag stays here").containsExactly("<a@x> (\\Flagged \\Seen)");
        assertThat(fx.engine().failures()).singleElement().satisfies(f ->
                assertThat(f.lastError()).contains("read-only"));
        // Still refused, still reported, nothing else sent; once write is granted the flag goes up.
        assertThat(fx.sync().failed()).isEqualTo(1);
        assertThat(Sides.remote(remote).get(INBOX)).containsExactly("<a@x> (\\Seen)");
        remote.boxes.get(INBOX).rights = io.icesync.core.Rights.parse("lrswi");
        assertThat(fx.sync().failed()).isZero();
        assertThat(Sides.remote(remote).get(INBOX)).containsExactly("<a@x> (\\Flagged \\Seen)");
        assertThat(fx.engine().failures()).isEmpty();
    }
}
