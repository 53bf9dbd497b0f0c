package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.store.LocalStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A synced folder whose kind changes on the server follows it locally: recorded where the store
 * keeps both kinds alike, moved where it keeps them apart, with nothing written to the server.
 */
class KindChangeTest {
    static final FolderPath CARDS = FolderPath.of("Cards");

    private EngineFixture fx;
    private SplitKindsStore split;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        split = new SplitKindsStore();
        fx.local = split;
        fx.remote.createFolder(CARDS, FolderKind.MAIL);
        for (int i = 0; i < 3; i++) {
            fx.remote.serverAdd(CARDS, "<c" + i + "@x>", i == 0 ? Flags.of(Flag.SEEN) : Flags.NONE);
        }
        fx.remote.serverAdd(INBOX, "<in@x>", Flags.NONE);
        fx.sync();
        assertThat(ids(split.mail, CARDS)).hasSize(3);
    }

    /** What the server was asked to change, by method name. */
    static final class Writes {
        static final Set<String> WRITES = Set.of("append", "replace", "setFlags", "move", "delete", "createFolder",
                "renameFolder", "deleteFolder");
        final List<String> calls = new ArrayList<>();

        RemoteStore wrap(RemoteStore target) {
            return (RemoteStore) Proxy.newProxyInstance(RemoteStore.class.getClassLoader(),
                    new Class<?>[] {RemoteStore.class}, (p, m, args) -> {
                        if (WRITES.contains(m.getName())) {
                            calls.add(m.getName());
                        }
                        try {
                            return m.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private SyncReport syncCounting(Writes w) {
        return SyncEngine.builder().remote(w.wrap(fx.remote)).local(fx.local).state(fx.state)
                .settings(() -> fx.settings).build().syncOnce();
    }

    static List<String> ids(LocalStore s, FolderPath f) {
        if (s.folders().stream().noneMatch(x -> x.path().equals(f))) {
            return null;
        }
        Map<FolderPath, List<String>> all = Sides.local(s);
        return all.get(f);
    }

    @Test
    void aMailFolderThatBecomesContactsMovesOnceWithNothingWrittenToTheServer() {
        Map<FolderPath, List<String>> server = Sides.remote(fx.remote);
        List<String> before = ids(split, CARDS);
        fx.remote.serverSetKind(CARDS, FolderKind.CONTACTS);

        Writes w = new Writes();
        SyncReport r = syncCounting(w);

        assertThat(r.structureChanges()).containsExactly("kind changed on server, moved locally: Cards (MAIL -> CONTACTS)");
        assertThat(ids(split.mail, CARDS)).as("the mail copy").isNull();
        assertThat(ids(split.objects, CARDS)).as("downloaded in the same cycle").isEqualTo(before);
        assertThat(fx.state.folderByPath(CARDS).orElseThrow().kind()).isEqualTo(FolderKind.CONTACTS);
        assertThat(w.calls).as("server writes").isEmpty();
        assertThat(Sides.remote(fx.remote)).isEqualTo(server);

        SyncReport again = syncCounting(w);
        assertThat(again.changedAnything()).isFalse();
        assertThat(ids(split, CARDS)).isEqualTo(before);
        assertThat(w.calls).isEmpty();
        assertThat(fx.state.pending()).isEmpty();
    }

    @Test
    void andBackToMail() {
        List<String> before = ids(split, CARDS);
        fx.remote.serverSetKind(CARDS, FolderKind.CONTACTS);
        fx.sync();
        fx.remote.serverSetKind(CARDS, FolderKind.MAIL);
        Writes w = new Writes();

        SyncReport r = syncCounting(w);

        assertThat(r.structureChanges()).containsExactly("kind changed on server, moved locally: Cards (CONTACTS -> MAIL)");
        assertThat(ids(split.objects, CARDS)).isNull();
        assertThat(ids(split.mail, CARDS)).isEqualTo(before);
        assertThat(w.calls).isEmpty();
    }

    @Test
    void localChangesReachTheServerBeforeTheFolderMoves() {
        String seen = fx.localItem(CARDS, "<c1@x>").id();
        fx.local.setFlags(CARDS, seen, Flags.of(Flag.FLAGGED));
        fx.localAdd(CARDS, "<new@x>", Flags.NONE);
        fx.local.delete(CARDS, fx.localItem(CARDS, "<c2@x>").id());
        fx.remote.serverSetKind(CARDS, FolderKind.CONTACTS);

        SyncReport first = fx.sync();

        assertThat(first.structureChanges()).isEmpty();
        assertThat(fx.state.recentEvents(50)).extracting(SessionEvent::message).contains(
                "kind changed on server, moved next cycle (3 local changes are sent first): Cards (MAIL -> CONTACTS)");
        assertThat(ids(split.mail, CARDS)).as("not moved yet").hasSize(3);
        assertThat(Sides.remote(fx.remote).get(CARDS)).containsExactlyInAnyOrder(
                "<c0@x> (\\Seen)", "<c1@x> (\\Flagged)", "<new@x> ()");

        Map<FolderPath, List<String>> server = Sides.remote(fx.remote);
        Writes w = new Writes();
        SyncReport second = syncCounting(w);

        assertThat(second.structureChanges()).containsExactly(
                "kind changed on server, moved locally: Cards (MAIL -> CONTACTS)");
        assertThat(w.calls).isEmpty();
        assertThat(Sides.remote(fx.remote)).isEqualTo(server);
        assertThat(ids(split.mail, CARDS)).isNull();
        assertThat(ids(split.objects, CARDS)).isEqualTo(server.get(CARDS));
    }

    @Test
    void aFolderWithSubFoldersIsNotMovedAndSaysSo() {
        FolderPath sub = CARDS.child("Old");
        fx.remote.createFolder(sub, FolderKind.MAIL);
        fx.remote.serverAdd(sub, "<old@x>", Flags.NONE);
        fx.sync();
        Map<FolderPath, List<String>> server = Sides.remote(fx.remote);
        fx.remote.serverSetKind(CARDS, FolderKind.CONTACTS);
        Writes w = new Writes();

        SyncReport r = syncCounting(w);

        assertThat(r.structureChanges()).as("a cycle that moves nothing says nothing changed").isEmpty();
        assertThat(r.changedAnything()).isFalse();
        assertThat(fx.state.recentEvents(50)).extracting(SessionEvent::message).contains(
                "kind changed on server, not moved (it has the sub-folder Cards/Old): Cards (MAIL -> CONTACTS)");
        assertThat(ids(split.mail, CARDS)).hasSize(3);
        assertThat(ids(split.mail, sub)).hasSize(1);
        assertThat(fx.state.folderByPath(CARDS).orElseThrow().kind()).isEqualTo(FolderKind.MAIL);
        assertThat(fx.state.pending()).isEmpty();
        assertThat(w.calls).isEmpty();
        assertThat(Sides.remote(fx.remote)).isEqualTo(server);
    }

    @Test
    void aStoreThatKeepsKindsAlikeOnlyRecordsTheNewKind() {
        EngineFixture plain = new EngineFixture();
        plain.local = LocalStores.inMemory(SplitKindsStore::keyOf);
        plain.remote.createFolder(CARDS, FolderKind.MAIL);
        plain.remote.serverAdd(CARDS, "<c@x>", Flags.NONE);
        plain.sync();
        String localId = plain.state.folderByPath(CARDS).orElseThrow().localId();
        List<String> before = Sides.local(plain.local).get(CARDS);
        plain.remote.serverSetKind(CARDS, FolderKind.CONTACTS);

        SyncReport r = plain.sync();

        assertThat(r.structureChanges()).containsExactly("kind changed on server: Cards (MAIL -> CONTACTS)");
        assertThat(plain.state.folderByPath(CARDS).orElseThrow().kind()).isEqualTo(FolderKind.CONTACTS);
        assertThat(plain.state.folderByPath(CARDS).orElseThrow().localId()).isEqualTo(localId);
        assertThat(plain.state.folderByPath(CARDS).orElseThrow().cursor()).isNotNull();
        assertThat(Sides.local(plain.local).get(CARDS)).isEqualTo(before);
        assertThat(plain.sync().changedAnything()).isFalse();
    }
}
