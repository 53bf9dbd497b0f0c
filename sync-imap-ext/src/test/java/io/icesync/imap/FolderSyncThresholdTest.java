package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The folder sync threshold (F4.5) on a server without CONDSTORE, where comparing a folder means
 * fetching the flags of every message: up to the threshold a cycle does that; above it a cycle fetches
 * only the new messages (and pushes local changes), and "synchronise all" compares in full again.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret", without = "CONDSTORE")
class FolderSyncThresholdTest {
    static final FolderPath INBOX = FolderPath.of("INBOX");

    @Test
    void aboveTheThresholdAnotherClientsFlagWaitsForSyncAllWhileNewMailStillArrives(IceWarpServer server) {
        TestMailbox inbox = seeded(server);
        LocalStore local = LocalStores.inMemory();
        SyncEngine engine = engine(server, local, 2);
        engine.syncOnce();
        assertThat(local.items(INBOX)).hasSize(3);

        inbox.setFlags(inbox.messages().get(0).uid(), "\\Flagged");
        inbox.append(Messages.simple("<m4@iwdemo.test>", "Fourth"));
        engine.syncOnce();
        assertThat(local.items(INBOX)).as("new mail arrives").hasSize(4);
        assertThat(flagged(local)).as("the old message's flags were not fetched").isEmpty();

        engine.syncAll();
        assertThat(flagged(local)).hasSize(1);
    }

    @Test
    void upToTheThresholdEveryCycleComparesTheWholeFolder(IceWarpServer server) {
        TestMailbox inbox = seeded(server);
        LocalStore local = LocalStores.inMemory();
        SyncEngine engine = engine(server, local, 3);
        engine.syncOnce();

        inbox.setFlags(inbox.messages().get(0).uid(), "\\Flagged");
        engine.syncOnce();
        assertThat(flagged(local)).hasSize(1);
    }

    @Test
    void aboveTheThresholdALocalChangeStillReachesTheServer(IceWarpServer server) {
        TestMailbox inbox = seeded(server);
        LocalStore local = LocalStores.inMemory();
        SyncEngine engine = engine(server, local, 1);
        engine.syncOnce();

        LocalItem first = local.items(INBOX).get(0);
        local.setFlags(INBOX, first.id(), first.flags().with(Flag.SEEN));
        engine.syncOnce();
        assertThat(inbox.messages()).filteredOn(m -> m.hasFlag("\\Seen")).hasSize(1);
    }

    private static TestMailbox seeded(IceWarpServer server) {
        TestMailbox inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
        for (int i = 1; i <= 3; i++) {
            inbox.append(Messages.simple("<m" + i + "@iwdemo.test>", "Message " + i));
        }
        return inbox;
    }

    private static List<LocalItem> flagged(LocalStore local) {
        return local.items(INBOX).stream().filter(l -> l.flags().has(Flag.FLAGGED)).toList();
    }

    private static SyncEngine engine(IceWarpServer server, LocalStore local, int threshold) {
        ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
        return SyncEngine.builder().remote(remote).local(local).state(StateStores.inMemory())
                .settings(SyncSettings.builder().folderSyncThreshold(threshold).build()).build();
    }
}
