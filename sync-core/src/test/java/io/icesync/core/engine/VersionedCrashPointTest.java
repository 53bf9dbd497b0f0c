package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.store.LocalStores;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PITFALLS 1-3 for items whose content changes: a cycle that replaces versions on both sides,
 * killed before any one of its writes and run again, ends where an uninterrupted cycle ends: one
 * copy of every object, the right version, no intent left.
 */
class VersionedCrashPointTest {

    private static EngineFixture scenario(ConflictPolicy policy) {
        VersionedItemsTest t = new VersionedItemsTest();
        t.calendar();
        EngineFixture fx = t.fx;
        fx.policy(policy);
        for (String k : List.of("a", "b", "c", "d", "e")) {
            fx.remote.serverAdd(VersionedItemsTest.CAL, VersionedItemsTest.version(k, k + "1"), Flags.NONE);
        }
        fx.sync();
        t.editLocally("a", "a2 local");
        t.editOnServer("b", "b2 server");
        t.editLocally("c", "c2 local");
        t.editOnServer("c", "c2 server");
        fx.local.delete(VersionedItemsTest.CAL, t.localItem("d").id());
        t.editOnServer("d", "d2 server");
        fx.remote.serverExpunge(VersionedItemsTest.CAL, t.serverUid("e"));
        fx.local.add(VersionedItemsTest.CAL, Flags.NONE, 0, new ByteArrayInputStream(VersionedItemsTest.version("f", "f1")));
        fx.remote.serverAdd(VersionedItemsTest.CAL, VersionedItemsTest.version("g", "g1"), Flags.NONE);
        return fx;
    }

    private static List<String> server(EngineFixture fx) {
        VersionedItemsTest t = new VersionedItemsTest();
        t.fx.remote = fx.remote;
        return t.server().stream().sorted().toList();
    }

    private static List<String> local(EngineFixture fx) {
        VersionedItemsTest t = new VersionedItemsTest();
        t.fx.local = fx.local;
        return t.local().stream().sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void killedAtAnyWriteThenRerunConvergesToTheUninterruptedResult(ConflictPolicy policy) {
        EngineFixture reference = scenario(policy);
        int writes = CrashPointTest.runWithCrash(reference, -1);
        reference.sync();
        List<String> expected = server(reference);
        assertThat(local(reference)).isEqualTo(expected);
        assertThat(expected).hasSize(policy == ConflictPolicy.CLIENT_WINS ? 5 : 6).doesNotHaveDuplicates();
        assertThat(writes).as("the scenario performs writes").isGreaterThan(10);

        for (int n = 0; n < writes; n++) {
            EngineFixture fx = scenario(policy);
            CrashPointTest.runWithCrash(fx, n);
            fx.sync();
            fx.sync();
            assertThat(server(fx)).as("server after a crash before write %d", n).isEqualTo(expected);
            assertThat(local(fx)).as("local after a crash before write %d", n).isEqualTo(expected);
            assertThat(fx.state.pending()).as("intents left after a crash before write %d", n).isEmpty();
        }
    }
}
