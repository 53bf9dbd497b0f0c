package io.icesync.examples;

import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.webdav.WebDavClient;
import io.icesync.webdav.files.FileTreeLocalStore;
import io.icesync.webdav.files.WebDavFilesRemoteStore;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * One documents sync cycle between a WebDAV collection and a directory, in a process of its own, for
 * {@link KillCampaignIT} to kill: the CLI syncs no documents folder. Local data found at the first sync is
 * uploaded. Arguments: profile directory, collection URL, user (password {@code secret}). Exit code 0 when
 * the cycle was ok, 1 otherwise, with the summary on stdout.
 */
public final class KillCampaignDocumentsMain {
    private KillCampaignDocumentsMain() {
    }

    public static void main(String[] args) {
        Path dir = Paths.get(args[0]);
        SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();
        SyncReport r;
        try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"));
             WebDavClient client = WebDavClient.builder(URI.create(args[1])).credentials(args[2], "secret".toCharArray())
                     .timeout(Duration.ofSeconds(30)).build();
             WebDavFilesRemoteStore remote = WebDavFilesRemoteStore.builder().client(client)
                     .state(dir.resolve("files-state.json")).settings(() -> s).build();
             FileTreeLocalStore local = new FileTreeLocalStore(dir.resolve("docs"))) {
            r = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s)
                    .firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).build().syncOnce();
        }
        System.out.println(r.summary());
        System.exit(r.ok() ? 0 : 1);
    }
}
