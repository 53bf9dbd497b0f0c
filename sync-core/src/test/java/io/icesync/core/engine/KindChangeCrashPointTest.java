package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.internal.memory.MemoryLocalStore;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cycle that moves folders to the store of their new kind (mail to contacts and contacts to
 * mail), killed before any one of its writes, including those inside the store's move, then run
 * again: ends as the uninterrupted run, the server untouched, one copy of every item, no intent left.
 */
class KindChangeCrashPointTest {
    static final FolderPath CARDS = FolderPath.of("Cards");
    static final FolderPath BOOK = FolderPath.of("Book");

    /** The inner stores outlive a crash, as the files on disk do. */
    private static final class Fixture {
        final EngineFixture fx = new EngineFixture();
        final MemoryLocalStore mail = new MemoryLocalStore(SplitKindsStore::keyOf);
        final MemoryLocalStore objects = new MemoryLocalStore(SplitKindsStore::keyOf);

        Fixture() {
            fx.local = new SplitKindsStore(mail, objects);
        }
    }

    private static Fixture scenario() {
        Fixture f = new Fixture();
        MemoryRemote r = f.fx.remote;
        r.createFolder(CARDS, FolderKind.MAIL);
        r.createFolder(BOOK, FolderKind.CONTACTS);
        for (int i = 0; i < 3; i++) {
            r.serverAdd(CARDS, "<c" + i + "@x>", i == 0 ? Flags.of(Flag.SEEN) : Flags.NONE);
            r.serverAdd(BOOK, "<b" + i + "@x>", Flags.NONE);
        }
        r.serverAdd(INBOX, "<in@x>", Flags.NONE);
        f.fx.sync();
        r.serverSetKind(CARDS, FolderKind.CONTACTS);
        r.serverSetKind(BOOK, FolderKind.MAIL);
        r.serverAdd(CARDS, "<c3@x>", Flags.NONE);
        return f;
    }

    private static int runWithCrash(Fixture f, int crashAt) {
        CrashingProxy.Counter c = new CrashingProxy.Counter();
        c.crashAt = crashAt;
        LocalStore local = new SplitKindsStore(CrashingProxy.wrap(LocalStore.class, f.mail, c),
                CrashingProxy.wrap(LocalStore.class, f.objects, c));
        SyncEngine e = SyncEngine.builder()
                .remote(CrashingProxy.wrap(RemoteStore.class, f.fx.remote, c))
                .local(CrashingProxy.wrap(LocalStore.class, local, c))
                .state(CrashingProxy.wrap(SyncStateStore.class, f.fx.state, c))
                .settings(() -> f.fx.settings).build();
        try {
            e.syncOnce();
        } catch (Crash expected) {
            // the process died here
        }
        return c.calls;
    }

    @Test
    void killedAtAnyWriteThenRerunConvergesWithTheServerUntouched() {
        Fixture reference = scenario();
        Map<FolderPath, List<String>> server = Sides.remote(reference.fx.remote);
        int writes = runWithCrash(reference, -1);
        reference.fx.sync();
        Map<FolderPath, List<String>> expectedLocal = Sides.local(reference.fx.local);
        assertThat(Sides.remote(reference.fx.remote)).isEqualTo(server);
        assertThat(expectedLocal).isEqualTo(server);
        assertThat(Sides.local(reference.objects)).containsOnlyKeys(CARDS);
        assertThat(Sides.local(reference.mail)).containsOnlyKeys(INBOX, BOOK);
        assertThat(writes).as("the scenario performs writes").isGreaterThan(10);

        for (int n = 0; n < writes; n++) {
            Fixture f = scenario();
            runWithCrash(f, n);
            f.fx.sync();
            f.fx.sync();
            assertThat(Sides.remote(f.fx.remote)).as("server after a crash before write %d", n).isEqualTo(server);
            assertThat(Sides.local(f.fx.local)).as("local after a crash before write %d", n).isEqualTo(expectedLocal);
            assertThat(Sides.local(f.objects)).as("objects after a crash before write %d", n).containsOnlyKeys(CARDS);
            assertThat(Sides.local(f.mail)).as("mail after a crash before write %d", n).containsOnlyKeys(INBOX, BOOK);
            assertThat(f.fx.state.pending()).as("intents left after a crash before write %d", n).isEmpty();
        }
    }
}
