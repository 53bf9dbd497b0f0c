package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.SessionEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A listener that throws is logged; the cycle, and the other listeners, go on. */
class ListenerFailureTest {
    static final FolderPath INBOX = EngineFixture.INBOX;

    @Test
    void aListenerThatThrowsDoesNotStopTheCycle() {
        EngineFixture fx = new EngineFixture();
        fx.remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        fx.remote.createFolder(EngineFixture.ARCHIVE, FolderKind.MAIL);
        fx.remote.serverAdd(EngineFixture.ARCHIVE, "<b@x>", Flags.NONE);
        SyncListener broken = new SyncListener() {
            @Override
            public void onEvent(SessionEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onCounters(SyncCounters counters) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onFolderStarted(FolderPath folder, int index, int total) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onNewMail(NewMail event) {
                throw new IllegalStateException("listener bug");
            }
        };
        List<FolderPath> seen = new CopyOnWriteArrayList<>();
        SyncListener after = new SyncListener() {
            @Override
            public void onFolderStarted(FolderPath folder, int index, int total) {
                seen.add(folder);
            }
        };
        SyncReport r = SyncEngine.builder().remote(fx.remote).local(fx.local).state(fx.state).settings(() -> fx.settings)
                .listener(broken).listener(after).build().syncOnce();
        assertThat(r.folders()).allSatisfy(f -> assertThat(f.error()).isNull());
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactly("<a@x> ()");
        assertThat(Sides.local(fx.local).get(EngineFixture.ARCHIVE)).containsExactly("<b@x> ()");
        assertThat(seen).containsExactlyInAnyOrder(INBOX, EngineFixture.ARCHIVE); // a later listener still hears
    }
}
