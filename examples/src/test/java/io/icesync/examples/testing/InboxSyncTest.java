package io.icesync.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of README's "Testing your code against IceSync's server", kept compiling and passing. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class InboxSyncTest {
    @TempDir
    Path dir;

    @Test
    void mailAndFlagsFromTheServerArriveAndAFlakyServerLosesNothing(IceWarpServer server) throws Exception {
        TestMailbox inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
        long uid = inbox.append(Messages.simple("<hello@iwdemo.test>", "Bonjour"), "\\Seen");

        Profile profile = new Profile(new Account("jean@iwdemo.test", "jean@iwdemo.test", server.imap()),
                SyncSettings.defaults(), null);
        try (IceSync sync = IceSync.create(dir, profile, "secret".toCharArray())) {
            assertThat(sync.syncOnce().downloaded()).isEqualTo(1);

            inbox.setFlags(uid, "\\Seen", "\\Flagged");                     // another client flags it
            server.faults().on("UID FETCH").replyNo("[UNAVAILABLE] busy"); // and the server hiccups once
            SyncReport flaky = sync.syncOnce();
            assertThat(flaky.ok()).isFalse();

            SyncReport next = sync.syncOnce();
            assertThat(next.ok()).isTrue();
        }
        try (Stream<Path> files = Files.list(dir.resolve("mail/INBOX/cur"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name).endsWith(":2,FS"));
        }
    }
}
