package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.MissingDependencyException;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail-only application: sync-client and sync-imap-ext, no groupware, WebDAV, rules or SQLite jar. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class MailOnlySyncTest {
    @TempDir
    Path dir;

    @Test
    void theOptionalModulesAreNotThere() {
        for (String name : new String[] {"io.icesync.groupware.mdn.ReadReceipts", "io.icesync.webdav.WebDavClient",
                "io.icesync.rules.RulesProvider", "io.icesync.smartdiscover.SmartDiscover", "org.sqlite.JDBC",
                "org.apache.poi.hmef.HMEFMessage"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
        }
    }

    @Test
    void aMessageOnTheServerArrivesInTheMaildir(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<hi@iwdemo.test>", "Hello"));
        Profile profile = new Profile(new Account("jean@iwdemo.test", "jean@iwdemo.test", server.imap()),
                SyncSettings.defaults(), null);

        // Without SQLite the application keeps the sync state itself (here in memory).
        try (IceSync sync = IceSync.builder().state(StateStores.inMemory())
                .create(dir, profile, "secret".toCharArray())) {
            SyncReport report = sync.syncOnce();
            assertTrue(report.ok(), report.summary());
            assertEquals(1, report.downloaded());
            // Attachment links live on WebDAV: asking for them names the module to add.
            MissingDependencyException links = assertThrows(MissingDependencyException.class,
                    () -> IceSync.attachments(dir));
            assertEquals("io.icesync:sync-webdav", links.artifact());
        }
        try (Stream<Path> files = Files.list(dir.resolve("mail/INBOX/cur"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void theDefaultStateStoreNamesSqlite(IceWarpServer server) {
        Profile profile = new Profile(new Account("jean@iwdemo.test", "jean@iwdemo.test", server.imap()),
                SyncSettings.defaults(), null);
        MissingDependencyException e = assertThrows(MissingDependencyException.class,
                () -> IceSync.create(dir, profile, "secret".toCharArray()).close());
        assertEquals("org.xerial:sqlite-jdbc", e.artifact());
    }
}
