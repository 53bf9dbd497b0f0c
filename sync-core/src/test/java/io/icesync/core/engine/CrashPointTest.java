package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.ARCHIVE;
import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PITFALLS 1-3: a cycle killed before any one of its writes (server, local store or state store),
 * then run again, ends exactly where an uninterrupted cycle ends: nothing lost, nothing twice.
 */
class CrashPointTest {

    /** Initial sync, then changes on both sides that exercise every kind of write. */
    private static EngineFixture scenario() {
        EngineFixture fx = new EngineFixture();
        MemoryRemote r = fx.remote;
        r.createFolder(ARCHIVE, FolderKind.MAIL);
        for (int i = 0; i < 6; i++) {
            r.serverAdd(INBOX, "<m" + i + "@x>", Flags.NONE);
        }
        r.serverAdd(ARCHIVE, "<old@x>", Flags.of(Flag.SEEN));
        fx.sync();
        fx.localAdd(INBOX, "<l1@x>", Flags.NONE);
        fx.localAdd(INBOX, "<l2@x>", Flags.of(Flag.SEEN));
        fx.local.move(INBOX, fx.localItem(INBOX, "<m0@x>").id(), ARCHIVE);
        fx.local.setFlags(INBOX, fx.localItem(INBOX, "<m1@x>").id(), Flags.of(Flag.FLAGGED));
        fx.local.delete(INBOX, fx.localItem(INBOX, "<m2@x>").id());
        fx.local.createFolder(FolderPath.of("Local new"), FolderKind.MAIL);
        fx.localAdd(FolderPath.of("Local new"), "<l3@x>", Flags.NONE);
        r.serverAdd(INBOX, "<s1@x>", Flags.NONE);
        r.serverAdd(INBOX, "<s2@x>", Flags.of(Flag.ANSWERED));
        r.serverFlags(INBOX, r.findByMessageId(INBOX, "<m3@x>").get(0), Flags.of(Flag.SEEN));
        r.serverExpunge(INBOX, r.findByMessageId(INBOX, "<m4@x>").get(0));
        r.createFolder(FolderPath.of("Server new"), FolderKind.MAIL);
        r.serverAdd(FolderPath.of("Server new"), "<s3@x>", Flags.NONE);
        r.serverRename(ARCHIVE, FolderPath.of("Archives", "2025"));
        return fx;
    }

    static int runWithCrash(EngineFixture fx, int crashAt) {
        CrashingProxy.Counter c = new CrashingProxy.Counter();
        c.crashAt = crashAt;
        SyncEngine e = SyncEngine.builder()
                .remote(CrashingProxy.wrap(RemoteStore.class, fx.remote, c))
                .local(CrashingProxy.wrap(LocalStore.class, fx.local, c))
                .state(CrashingProxy.wrap(SyncStateStore.class, fx.state, c))
                .settings(() -> fx.settings).build();
        try {
            e.syncOnce();
        } catch (Crash expected) {
            // the process died here
        }
        return c.calls;
    }

    @Test
    void killedAtAnyWriteThenRerunConvergesToTheUninterruptedResult() {
        EngineFixture reference = scenario();
        int writes = runWithCrash(reference, -1);
        reference.sync();
        Map<FolderPath, List<String>> expectedRemote = Sides.remote(reference.remote);
        Map<FolderPath, List<String>> expectedLocal = Sides.local(reference.local);
        assertThat(expectedRemote).isEqualTo(expectedLocal);
        assertThat(writes).as("the scenario performs writes").isGreaterThan(20);

        for (int n = 0; n < writes; n++) {
            EngineFixture fx = scenario();
            runWithCrash(fx, n);
            fx.sync();
            fx.sync();
            assertThat(Sides.remote(fx.remote)).as("server after a crash before write %d", n).isEqualTo(expectedRemote);
            assertThat(Sides.local(fx.local)).as("local after a crash before write %d", n).isEqualTo(expectedLocal);
            assertThat(fx.state.pending()).as("intents left after a crash before write %d", n).isEmpty();
        }
    }
}
