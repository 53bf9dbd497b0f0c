package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A share another user revokes while the local copy holds unsynced items: they are moved to
 * {@code Kept aside} and uploaded there, the copy goes. A cycle killed before any one of its writes,
 * then run again, ends where an uninterrupted one ends: nothing lost, nothing twice.
 */
class RevokedShareCrashPointTest {
    static final FolderPath SHARE = FolderPath.of("~jean@x.test", "Projects");
    static final FolderPath ASIDE = FolderPath.of("Kept aside", "jean@x_test", "Projects");

    private static EngineFixture scenario() {
        EngineFixture fx = new EngineFixture();
        fx.remote.createFolder(SHARE, FolderKind.MAIL);
        for (int i = 0; i < 3; i++) {
            fx.remote.serverAdd(SHARE, "<s" + i + "@x>", Flags.NONE);
        }
        fx.sync();
        fx.localAdd(SHARE, "<new1@x>", Flags.NONE);
        fx.localAdd(SHARE, "<new2@x>", Flags.of(Flag.SEEN));
        fx.local.setFlags(SHARE, fx.localItem(SHARE, "<s0@x>").id(), Flags.of(Flag.FLAGGED));
        fx.remote.deleteFolder(SHARE);
        return fx;
    }

    @Test
    void theUnsyncedItemsAreKeptAsideAndUploadedAndTheCopyGoes() {
        EngineFixture fx = scenario();
        fx.sync();
        fx.sync();
        Map<FolderPath, List<String>> local = Sides.local(fx.local);
        assertThat(local).doesNotContainKey(SHARE);
        assertThat(local.get(ASIDE)).hasSize(3);
        assertThat(Sides.remote(fx.remote)).isEqualTo(local);
    }

    @Test
    void killedAtAnyWriteThenRerunConvergesToTheUninterruptedResult() {
        EngineFixture reference = scenario();
        int writes = CrashPointTest.runWithCrash(reference, -1);
        reference.sync();
        Map<FolderPath, List<String>> expectedRemote = Sides.remote(reference.remote);
        Map<FolderPath, List<String>> expectedLocal = Sides.local(reference.local);
        assertThat(expectedRemote).isEqualTo(expectedLocal);
        assertThat(expectedLocal.get(ASIDE)).hasSize(3);
        assertThat(writes).as("the scenario performs writes").isGreaterThan(5);

        for (int n = 0; n < writes; n++) {
            EngineFixture fx = scenario();
            CrashPointTest.runWithCrash(fx, n);
            fx.sync();
            fx.sync();
            assertThat(Sides.remote(fx.remote)).as("server after a crash before write %d", n).isEqualTo(expectedRemote);
            assertThat(Sides.local(fx.local)).as("local after a crash before write %d", n).isEqualTo(expectedLocal);
        }
    }
}
