package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.ARCHIVE;
import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PITFALL 5 on disk: a mail program moves a Maildir file (keyword letters and UID hint included) to another folder. */
class MaildirMovedByOtherProgramTest {
    @TempDir
    Path dir;

    @Test
    void aFileMovedAcrossFoldersIsOneServerMoveAndThenStable() throws Exception {
        EngineFixture fx = new EngineFixture(dir);
        fx.remote.createFolder(ARCHIVE, FolderKind.MAIL);
        fx.remote.serverAdd(ARCHIVE, "<old@x>", Flags.of(Flag.SEEN).withKeyword("Projet_X"));
        fx.remote.serverAdd(INBOX, "<kw@x>", Flags.of(Flag.SEEN).withKeyword("$label1"));
        fx.sync();
        Path file;
        try (Stream<Path> s = Files.list(dir.resolve("mail/INBOX/cur"))) {
            file = s.findFirst().orElseThrow();
        }

        Files.move(file, dir.resolve("mail/Archive/cur").resolve(file.getFileName()));
        fx.sync();
        SyncReport again = fx.sync();

        assertThat(fx.remote.moveCalls).isEqualTo(1);
        assertThat(fx.remoteIds(ARCHIVE)).containsExactlyInAnyOrder("<old@x>", "<kw@x>");
        assertThat(again.changedAnything()).as("a third sync has nothing to do").isFalse();
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
        assertThat(Sides.local(fx.local).get(ARCHIVE)).as("the keyword travels with the message, not the letter")
                .containsExactly("<kw@x> (\\Seen $label1)", "<old@x> (\\Seen Projet_X)");
    }
}
