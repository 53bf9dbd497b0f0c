package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.ConnectionException;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.testkit.Faults;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that hangs or answers too slowly: another thread's abort() or close() cuts the call at
 * once, and a command past its deadline is cut with an error naming it, however steadily bytes come.
 */
class CutConnectionTest {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    /** Far longer than any bound below: only a cut can end a stalled call in time. */
    static final Duration LONG_READ_TIMEOUT = Duration.ofSeconds(60);
    IceWarpServer server;

    @BeforeEach
    void start() {
        server = IceWarpServer.start("jean@iwdemo.test", "secret");
        TestMailbox inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
        for (int i = 0; i < 20; i++) {
            inbox.append(Messages.simple("<m" + i + "@x>", "sender@example.org", "jean@iwdemo.test", "Message " + i, null,
                    "body " + i));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ImapRemoteStore.Builder store() {
        return ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).readTimeout(LONG_READ_TIMEOUT);
    }

    private static void awaitFired(Faults.Fault f) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (f.fired() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(f.fired()).as("the fault fired").isEqualTo(1);
    }

    private static Throwable failure(CompletableFuture<?> call) throws Exception {
        try {
            call.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void abortFromAnotherThreadCutsAStalledCallAndTheNextConnectWorks() throws Exception {
        try (ImapRemoteStore s = store().build()) {
            s.connect();
            Faults.Fault stall = server.faults().on("SELECT").stall();
            CompletableFuture<RemoteChanges> call = CompletableFuture.supplyAsync(() -> s.changes(INBOX, null, true));
            awaitFired(stall);
            assertThat(call).isNotDone();

            s.abort();
            assertThat(failure(call)).isInstanceOf(ConnectionException.class).hasMessageContaining("cut");

            s.connect();
            assertThat(s.changes(INBOX, null, true).items()).hasSize(20);
        }
    }

    @Test
    void closeFromAnotherThreadDoesNotWaitForAStalledCall() throws Exception {
        ImapRemoteStore s = store().build();
        s.connect();
        Faults.Fault stall = server.faults().on("UID FETCH").stall();
        CompletableFuture<RemoteChanges> call = CompletableFuture.supplyAsync(() -> s.changes(INBOX, null, true));
        awaitFired(stall);

        CompletableFuture.runAsync(s::close).get(30, TimeUnit.SECONDS);
        assertThat(failure(call)).isInstanceOf(ConnectionException.class);
    }

    @Test
    void aTrickledAnswerIsCutAtItsDeadlineWithTheCommandNamed() throws Exception {
        try (ImapRemoteStore s = store().commandDeadline(Duration.ofSeconds(1)).transferDeadline(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(20)).build()) {
            s.connect();
            // A byte every 100 ms: the read timeout never fires, the listing would take minutes.
            Faults.Fault slow = server.faults().on("UID FETCH").trickle(Duration.ofMillis(100));
            CompletableFuture<RemoteChanges> call = CompletableFuture.supplyAsync(() -> s.changes(INBOX, null, true));
            Throwable t = failure(call);
            assertThat(t).isInstanceOf(CommandDeadlineException.class)
                    .hasMessageContaining("UID FETCH").hasMessageContaining("2 s");
            CommandDeadlineException d = (CommandDeadlineException) t;
            assertThat(d.command()).isEqualTo("UID FETCH");
            assertThat(d.deadline()).isEqualTo(Duration.ofSeconds(2));
            assertThat(slow.fired()).isEqualTo(1); // not repeated at once

            assertThat(s.changes(INBOX, null, true).items()).hasSize(20);
        }
    }

    @Test
    void aSlowButSteadyCommandWithinItsDeadlineCompletes() {
        try (ImapRemoteStore s = store().commandDeadline(Duration.ofSeconds(30)).build()) {
            s.connect();
            server.faults().on("NOOP").trickle(Duration.ofMillis(5));
            server.faults().on("LIST").trickle(Duration.ofMillis(1));
            assertThat(s.folders()).isNotEmpty();
        }
    }
}
