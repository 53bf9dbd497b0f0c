package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user writes first: one account, one sync, the message in the Maildir. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class FirstSyncTest {
    @TempDir
    Path dir;

    @Test
    void aMessageOnTheServerArrivesInTheMaildir(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<hi@iwdemo.test>", "Hello"));
        Profile profile = new Profile(new Account("jean@iwdemo.test", "jean@iwdemo.test", server.imap()),
                SyncSettings.defaults(), null);

        try (IceSync sync = IceSync.create(dir, profile, "secret".toCharArray())) {
            SyncReport report = sync.syncOnce();
            assertTrue(report.ok(), report.summary());
            assertEquals(1, report.downloaded());
        }
        try (Stream<Path> files = Files.list(dir.resolve("mail/INBOX/cur"))) {
            assertEquals(1, files.count());
        }
    }
}
