package io.icesync.client;

import static io.icesync.client.SendingTest.JEAN;
import static io.icesync.client.SendingTest.count;
import static io.icesync.client.SendingTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.CrashPoints;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the Outbox killed before each of its writes (the state store's stages, the APPEND to Sent),
 * and right after the APPEND, then run again: each message reaches SMTP once and Sent once. The one
 * exception is documented: a kill after the server took the message and before that was recorded
 * cannot be told from a kill before the server took it, so the message goes again (with a warning).
 */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class SendingCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKillAtAnyWriteThenARerunSendsNothingTwice(IceWarpServer server) throws Exception {
        IceSync.create(dir, SendingTest.profile(server), "secret".toCharArray()).close();
        Set<String> killedAt = new HashSet<>();
        boolean metInDoubt = false;
        for (int n = 0; ; n++) {
            String id = "<crash" + n + "@iwdemo.test>";
            CrashPoints kill = CrashPoints.at(n);
            try (IceSync sync = IceSync.builder().directory(dir).remote(kill.wrap(RemoteStore.class, imap(server)))
                    .state(kill.wrap(SyncStateStore.class, StateStores.sqlite(dir.resolve(IceSync.STATE_FILE)))).build()) {
                sync.send(message(id, "anne@iwdemo.test", "boss@example.org", "Crash " + n));
                try {
                    sync.sendOutbox();
                } catch (CrashPoints.Crash expected) {
                    // the process died here
                }
            }
            if (kill.killedAt() == null) {
                assertThat(count(server.sentMail(), id)).isEqualTo(1);
                break;
            }
            killedAt.add(kill.killedAt());
            boolean acceptedUnrecorded = count(server.sentMail(), id) == 1 && sentCopies(server, id) == 0
                    && kill.killedAt().equals("SyncStateStore.putValue") && !acceptedRecorded(id);
            metInDoubt |= acceptedUnrecorded;
            try (IceSync sync = IceSync.open(dir)) {
                assertThat(sync.sendOutbox()).as("the Outbox after the rerun of kill %d", n).isEmpty();
                if (acceptedUnrecorded) {
                    assertThat(SendingTest.warned(sync, "sending again")).isTrue();
                }
            }
            assertThat(count(server.sentMail(), id)).as("sent after a kill before write %d (%s)", n, kill.killedAt())
                    .isEqualTo(acceptedUnrecorded ? 2 : 1);
            assertThat(sentCopies(server, id)).as("Sent copies after a kill before write %d (%s)", n, kill.killedAt())
                    .isEqualTo(1);
        }
        assertThat(killedAt).contains("RemoteStore.append", "SyncStateStore.putValue");
        assertThat(metInDoubt).as("one kill fell between the server's acceptance and its record").isTrue();
    }

    @Test
    void aKillRightAfterTheAppendToSentLeavesOneCopyAndSendsNothingAgain(IceWarpServer server) throws Exception {
        IceSync.create(dir, SendingTest.profile(server), "secret".toCharArray()).close();
        String id = "<after-append@iwdemo.test>";
        RemoteStore killedAfterAppend = CrashPoints.afterServerWrite(imap(server), 0, dir.resolve("no-such-file"));
        try (IceSync sync = IceSync.builder().directory(dir).remote(killedAfterAppend).build()) {
            sync.send(message(id, "anne@iwdemo.test", null, "After append"));
            assertThatThrownBy(sync::sendOutbox).isInstanceOf(CrashPoints.Crash.class).hasMessageContaining("append");
        }
        assertThat(sentCopies(server, id)).isEqualTo(1);

        try (IceSync sync = IceSync.open(dir)) {
            sync.syncOnce();
            assertThat(sync.outbox()).isEmpty();
        }
        assertThat(count(server.sentMail(), id)).isEqualTo(1);
        assertThat(sentCopies(server, id)).isEqualTo(1);
    }

    private boolean acceptedRecorded(String id) {
        try (SyncStateStore s = StateStores.sqlite(dir.resolve(IceSync.STATE_FILE))) {
            return s.value("outbox.stage " + id).filter(v -> !v.equals("sending")).isPresent();
        }
    }

    private static int sentCopies(IceWarpServer server, String id) {
        return server.account(JEAN).mailbox("Sent").byMessageId(id).size();
    }

    private static RemoteStore imap(IceWarpServer server) {
        return ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN).password("secret".toCharArray()).build();
    }
}
