package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.engine.SyncCancelledException;
import io.icesync.core.engine.SyncReport;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.Faults;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle blocked on a server that stopped answering: the profile's status still answers, and
 * close() or cancel() ends the cycle well within the read timeout, with nothing half-written.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class HungServerTest {
    static final String JEAN = "jean@iwdemo.test";
    /** The stalled call would end by itself only after this; the cut must come first. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static byte[] mail(String id) {
        return ("Subject: " + id + "\r\nMessage-ID: <" + id + "@x>\r\n\r\nbody of " + id + "\r\n").getBytes();
    }

    private IceSync open(IceWarpServer server) {
        return IceSync.builder().directory(dir).remote(ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN)
                .password("secret".toCharArray()).readTimeout(READ_TIMEOUT).build()).build();
    }

    /** A profile synced once, then a new message on the server and a stall on the next SELECT. */
    private Faults.Fault syncedThenStalled(IceWarpServer server) {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        inbox.append(mail("first"));
        IceSync.create(dir, Profile.of(new Account(JEAN, JEAN, server.imap())), "secret".toCharArray()).close();
        try (IceSync sync = open(server)) {
            assertThat(sync.syncOnce().ok()).isTrue();
        }
        inbox.append(mail("second"));
        return server.faults().on("SELECT").stall();
    }

    private static void awaitFired(Faults.Fault f) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (f.fired() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(f.fired()).as("the server stalled").isEqualTo(1);
    }

    private static Throwable failure(CompletableFuture<?> cycle, Duration within) throws Exception {
        try {
            cycle.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the cycle succeeded");
    }

    private long mailFiles() throws Exception {
        try (var s = Files.walk(dir.resolve(IceSync.MAIL_DIR))) {
            return s.filter(p -> p.getParent().getFileName().toString().equals("cur")).count();
        }
    }

    @Test
    void statusAnswersDuringAHungCycleAndCloseEndsIt(IceWarpServer server) throws Exception {
        Faults.Fault stall = syncedThenStalled(server);
        IceSync sync = open(server);
        CompletableFuture<SyncReport> cycle = CompletableFuture.supplyAsync(sync::syncOnce);
        awaitFired(stall);

        ProfileStatus status = CompletableFuture.supplyAsync(() -> sync.status(10)).get(10, TimeUnit.SECONDS);
        assertThat(status.lastCycle().ok()).isTrue();
        assertThat(status.items()).isEqualTo(1);
        assertThat(CompletableFuture.supplyAsync(() -> sync.events(10)).get(10, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(CompletableFuture.supplyAsync(sync::failures).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(cycle).isNotDone();

        CompletableFuture.runAsync(sync::close).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Throwable t = failure(cycle, READ_TIMEOUT);
        assertThat(t).isInstanceOf(SyncCancelledException.class);
        assertThat(((SyncCancelledException) t).closed()).isTrue();

        ProfileStatus after = IceSync.status(dir, 10);
        assertThat(after.lastCycle().ok()).isFalse();
        assertThat(after.lastCycle().error()).contains("closed");
        try (IceSync again = open(server)) {
            assertThat(again.syncOnce().ok()).isTrue();
        }
        assertThat(mailFiles()).isEqualTo(2);
    }

    @Test
    void cancelEndsAHungCycleAndTheNextOneRuns(IceWarpServer server) throws Exception {
        Faults.Fault stall = syncedThenStalled(server);
        try (IceSync sync = open(server)) {
            CompletableFuture<SyncReport> cycle = CompletableFuture.supplyAsync(sync::syncOnce);
            awaitFired(stall);

            sync.cancel();
            Throwable t = failure(cycle, READ_TIMEOUT);
            assertThat(t).isInstanceOf(SyncCancelledException.class).hasMessageContaining("cancelled");
            assertThat(sync.status(5).lastCycle().error()).contains("cancelled");

            assertThat(sync.syncOnce().ok()).isTrue();
        }
        assertThat(mailFiles()).isEqualTo(2);
    }
}
