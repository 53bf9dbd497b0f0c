package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.ARCHIVE;
import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Flags;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.LocalStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle with nothing to do does not list the items of a Maildir folder that has not changed since its
 * last complete sync, and every kind of change, on either side, is still seen.
 */
class QuietFolderTest {
    @TempDir
    Path dir;
    EngineFixture fx;
    /** The folders whose items the engine listed, in order. */
    final List<FolderPath> listed = new ArrayList<>();
    /** The ids of the items the engine read one by one (without listing their folder). */
    final List<String> readById = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new EngineFixture(dir);
        LocalStore maildir = fx.local;
        fx.local = (LocalStore) Proxy.newProxyInstance(LocalStore.class.getClassLoader(),
                new Class<?>[] {LocalStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("items") && args.length == 1) {
                        listed.add((FolderPath) args[0]);
                    } else if (method.getName().equals("items")) {
                        @SuppressWarnings("unchecked")
                        java.util.Collection<String> ids = (java.util.Collection<String>) args[1];
                        readById.addAll(ids);
                    }
                    try {
                        return method.invoke(maildir, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        fx.remote.createFolder(ARCHIVE, FolderKind.MAIL);
        for (int i = 0; i < 20; i++) {
            fx.remote.serverAdd(INBOX, "<in" + i + "@x>", Flags.of(Flag.SEEN));
            fx.remote.serverAdd(ARCHIVE, "<ar" + i + "@x>", Flags.NONE);
        }
        fx.sync();
    }

    /** Makes the folders look as if they had not changed for a minute, as between two scheduled cycles. */
    void age() throws Exception {
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        try (Stream<Path> s = Files.walk(dir.resolve("mail"))) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
    }

    /** One cycle that records the folders' marks (taken once the folders are still), then the one measured. */
    SyncReport settledThenSync() throws Exception {
        age();
        fx.sync();
        listed.clear();
        return fx.sync();
    }

    @Test
    void aCycleWithNothingToDoListsNoFolder() throws Exception {
        SyncReport r = settledThenSync();

        assertThat(r.changedAnything()).isFalse();
        assertThat(listed).as("no folder's items read").isEmpty();
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
    }

    /** Cycles until every change is applied and the folders' records are taken from still directories. */
    void settled() throws Exception {
        age();
        fx.sync();
        age();
        fx.sync();
    }

    @Test
    void theSettledRecordFollowsTheSetOfItemsNotTheirFlags() throws Exception {
        settled();
        FolderState inbox = fx.state.folders().stream().filter(f -> f.path().equals(INBOX)).findFirst().orElseThrow();
        String before = SettledFolders.record(fx.state, inbox).orElseThrow();

        // Flags changed on both sides: the set of items is the same.
        List<Long> uids = new ArrayList<>(fx.remote.box(INBOX).msgs.keySet());
        fx.remote.serverFlags(INBOX, uids.get(2), Flags.of(Flag.FLAGGED));
        Path file;
        try (Stream<Path> s = Files.list(dir.resolve("mail/INBOX/cur"))) {
            file = s.findFirst().orElseThrow();
        }
        Files.move(file, file.resolveSibling(file.getFileName() + "F"));
        settled();
        assertThat(fx.state.value("quiet." + inbox.id()).orElseThrow()).as("the engine's own record moved")
                .isNotEqualTo(before);
        assertThat(SettledFolders.record(fx.state, inbox)).contains(before);

        // An item more, on the server: the record changes.
        fx.remote.serverAdd(INBOX, "<new@x>", Flags.NONE);
        settled();
        String added = SettledFolders.record(fx.state, inbox).orElseThrow();
        assertThat(added).isNotEqualTo(before);

        // An item less (deleted here, so the count of pairs drops): it changes again.
        try (Stream<Path> s = Files.list(dir.resolve("mail/INBOX/cur"))) {
            Files.delete(s.findFirst().orElseThrow());
        }
        settled();
        assertThat(SettledFolders.record(fx.state, inbox)).isPresent().get().isNotEqualTo(added);
    }

    @Test
    void aFlagChangedByAnotherProgramIsSentAndOnlyThatFolderIsListed() throws Exception {
        settledThenSync();
        Path file;
        try (Stream<Path> s = Files.list(dir.resolve("mail/INBOX/cur"))) {
            file = s.findFirst().orElseThrow();
        }
        Files.move(file, file.resolveSibling(file.getFileName() + "F")); // another mail program flags it
        listed.clear();

        SyncReport r = fx.sync();

        assertThat(r.changedAnything()).isTrue();
        assertThat(listed).containsExactly(INBOX);
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
        assertThat(Sides.remote(fx.remote).get(INBOX)).anyMatch(line -> line.contains("\\Flagged"));
    }

    @Test
    void aServerChangeReachesAFolderThatIsQuietHere() throws Exception {
        settledThenSync();
        fx.remote.serverAdd(ARCHIVE, "<new@x>", Flags.NONE);
        listed.clear();

        fx.sync();

        assertThat(listed).as("a new server item alone needs no listing of the folder").isEmpty();
        assertThat(Sides.local(fx.local).get(ARCHIVE)).anyMatch(line -> line.startsWith("<new@x>"));
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
    }

    @Test
    void aFewServerChangesReadOnlyTheItemsTheyName() throws Exception {
        settledThenSync();
        List<Long> uids = new ArrayList<>(fx.remote.box(INBOX).msgs.keySet());
        fx.remote.serverFlags(INBOX, uids.get(3), Flags.of(Flag.SEEN, Flag.FLAGGED));
        fx.remote.serverFlags(INBOX, uids.get(7), Flags.NONE);
        fx.remote.serverExpunge(INBOX, uids.get(11));
        fx.remote.serverAdd(INBOX, "<late@x>", Flags.NONE);
        listed.clear();
        readById.clear();

        SyncReport r = fx.sync();

        assertThat(listed).as("no folder listed in full").isEmpty();
        assertThat(readById).as("the local copies of the two re-flagged items and the expunged one").hasSize(3);
        assertThat(r.folders().stream().mapToInt(FolderReport::flagsToLocal).sum()).isEqualTo(2);
        assertThat(fx.local.items(INBOX)).hasSize(20);
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
        assertThat(Sides.local(fx.local).get(INBOX)).anyMatch(line -> line.startsWith("<late@x>"))
                .anyMatch(line -> line.contains("\\Flagged"));
    }

    @Test
    void withoutVanishedUidsTheFolderIsComparedInFull() throws Exception {
        fx.remote.qresync = false; // CONDSTORE alone: the server says which UIDs exist, not which vanished
        settledThenSync();
        List<Long> uids = new ArrayList<>(fx.remote.box(INBOX).msgs.keySet());
        fx.remote.serverExpunge(INBOX, uids.get(5));
        listed.clear();

        fx.sync();

        assertThat(listed).contains(INBOX);
        assertThat(fx.local.items(INBOX)).hasSize(19);
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
    }

    @Test
    void theDeleteGuardWeighsExpungesAgainstTheWholeFolderNotTheItemsNamed() throws Exception {
        settledThenSync();
        List<Long> uids = new ArrayList<>(fx.remote.box(INBOX).msgs.keySet());
        for (long uid : uids.subList(0, 11)) {
            fx.remote.serverExpunge(INBOX, uid);
        }

        fx.sync();

        assertThat(fx.local.items(INBOX)).as("11 of 20 is not every item: deleted here too").hasSize(9);
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
    }

    @Test
    void manyExpungesOnTheServerStillMeetTheDeleteGuard() throws Exception {
        settledThenSync();
        for (long uid : new ArrayList<>(fx.remote.box(INBOX).msgs.keySet())) {
            fx.remote.serverExpunge(INBOX, uid);
        }

        SyncReport r = null;
        try {
            r = fx.sync();
        } catch (MassDeleteException e) {
            r = e.report();
        }

        assertThat(r).isNotNull();
        assertThat(fx.local.items(INBOX)).as("every item of a folder of 20 vanished: refused, kept here").hasSize(20);
    }

    @Test
    void aChangeInTheSameClockTickAsTheLastCycleIsNotMissed() throws Exception {
        // No ageing: the folders changed less than the settling time ago, so no mark is trusted.
        fx.sync();
        Path cur = dir.resolve("mail/INBOX/cur");
        FileTime before = Files.getLastModifiedTime(cur);
        Path file;
        try (Stream<Path> s = Files.list(cur)) {
            file = s.findFirst().orElseThrow();
        }
        Files.delete(file);
        Files.setLastModifiedTime(cur, before); // the deletion left the same time behind
        listed.clear();

        fx.sync();

        assertThat(listed).contains(INBOX);
        assertThat(fx.remoteIds(INBOX)).hasSize(19);
    }

    @Test
    void anItemThatFailedIsTriedAgainWhenNothingElseChanged() throws Exception {
        settledThenSync();
        long uid = fx.remote.serverAdd(ARCHIVE, "<late@x>", Flags.NONE);
        fx.remote.failFetch.add(uid);
        fx.sync();
        assertThat(Sides.local(fx.local).get(ARCHIVE)).noneMatch(line -> line.startsWith("<late@x>"));
        age();
        fx.sync(); // fails again: both sides are as they were, but the item is not ignored yet
        fx.remote.failFetch.clear();
        age();

        fx.sync();

        assertThat(Sides.local(fx.local).get(ARCHIVE)).anyMatch(line -> line.startsWith("<late@x>"));
    }

    @Test
    void aChangedSettingListsEveryFolderAgain() throws Exception {
        settledThenSync();
        fx.policy(fx.settings.conflictPolicy() == ConflictPolicy.SERVER_WINS
                ? ConflictPolicy.CLIENT_WINS : ConflictPolicy.SERVER_WINS);
        listed.clear();

        fx.sync();

        assertThat(listed).containsExactlyInAnyOrder(INBOX, ARCHIVE);
    }

    @Test
    void synchroniseAllListsEveryFolder() throws Exception {
        settledThenSync();
        listed.clear();

        fx.engine().syncAll();

        assertThat(listed).contains(INBOX, ARCHIVE);
    }
}
