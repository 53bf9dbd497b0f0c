package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.SessionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder whose name the sync state cannot hold is left out with a warning; the rest of the account syncs. */
class UnrepresentableFolderTest {
    static final FolderPath NUL = FolderPath.of("nul\u0000here");

    @TempDir
    Path dir;

    @Test
    void aNulInAServerOrLocalFolderNameLeavesThatFolderAloneOnly() throws Exception {
        EngineFixture fx = new EngineFixture(dir);
        fx.remote.serverCreate(NUL, SpecialUse.NONE);
        fx.remote.serverAdd(NUL, "<nul@x>", Flags.NONE);
        fx.remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve("mail/hand%00made").resolve(sub));
        }

        fx.sync();
        SyncReport again = fx.sync();

        assertThat(fx.remoteIds(INBOX)).containsExactly("<a@x>");
        assertThat(fx.local.items(INBOX)).hasSize(1);
        assertThat(fx.remote.folders()).extracting(Folder::path).contains(NUL)
                .doesNotContain(FolderPath.of("hand\u0000made"));
        assertThat(fx.remoteIds(NUL)).containsExactly("<nul@x>");
        assertThat(dir.resolve("mail/nul%00here")).doesNotExist();
        assertThat(dir.resolve("mail/hand%00made/cur")).isDirectory();
        assertThat(again.changedAnything()).isFalse();
        assertThat(fx.state.recentEvents(100)).extracting(SessionEvent::message)
                .anyMatch(m -> m.contains("NUL") && m.contains("server"))
                .anyMatch(m -> m.contains("NUL") && m.contains("locally"));
    }
}
