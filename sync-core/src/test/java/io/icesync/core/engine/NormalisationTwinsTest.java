package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.store.LocalStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server folders whose names differ only by Unicode normalisation, on a Maildir tree. */
class NormalisationTwinsTest {
    static final FolderPath NFC = FolderPath.of("Caf\u00e9");
    static final FolderPath NFD = FolderPath.of("Cafe\u0301");

    @TempDir
    Path dir;

    @Test
    void twoServerFoldersStayTwoFoldersOnBothSides() {
        EngineFixture fx = new EngineFixture(dir);
        fx.remote.serverCreate(NFC, SpecialUse.NONE);
        fx.remote.serverCreate(NFD, SpecialUse.NONE);
        fx.remote.serverAdd(NFC, "<composed@x>", Flags.NONE);
        fx.remote.serverAdd(NFD, "<decomposed@x>", Flags.NONE);

        fx.sync();
        SyncReport again = fx.sync();

        assertThat(again.changedAnything()).isFalse();
        assertThat(fx.remote.folders()).extracting(Folder::path).contains(NFC, NFD);
        assertThat(fx.remoteIds(NFC)).containsExactly("<composed@x>");
        assertThat(fx.remoteIds(NFD)).containsExactly("<decomposed@x>");
        assertThat(fx.local.folders()).extracting(LocalFolder::path).contains(NFC, NFD);
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
    }

    @Test
    void aProfileWhoseLocalCopyWasKeptInNfcGetsItsServerNameBackLocally() throws Exception {
        EngineFixture fx = new EngineFixture(dir);
        fx.remote.serverCreate(NFD, SpecialUse.NONE);
        fx.remote.serverAdd(NFD, "<decomposed@x>", Flags.NONE);
        fx.sync();
        // What older versions wrote: the server's NFD name as an NFC directory.
        fx.local = null;
        Files.move(dir.resolve("mail/Cafe%CC%81"), dir.resolve("mail/Caf\u00e9"));
        fx.local = LocalStores.maildir(dir.resolve("mail"));

        fx.sync();
        SyncReport again = fx.sync();

        assertThat(fx.remote.folders()).extracting(Folder::path).contains(NFD).doesNotContain(NFC);
        assertThat(fx.remoteIds(NFD)).containsExactly("<decomposed@x>");
        assertThat(fx.local.folders()).extracting(LocalFolder::path).contains(NFD).doesNotContain(NFC);
        assertThat(dir.resolve("mail/Cafe%CC%81")).isDirectory();
        assertThat(again.changedAnything()).isFalse();
        assertThat(Sides.local(fx.local)).isEqualTo(Sides.remote(fx.remote));
    }
}
