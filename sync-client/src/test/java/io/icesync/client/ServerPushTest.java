package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SessionEvent;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server changes pushed in scheduled mode, against the testkit server: every interval is hours
 * away, so only push can bring a server change into the local store within the test's deadline.
 */
class ServerPushTest {
    static final String JEAN = "jean@iwdemo.test";
    /** Push takes a fraction of a second; the deadline leaves room for a loaded machine. */
    static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    final List<SyncReport> cycles = new CopyOnWriteArrayList<>();

    IceSync open(IceWarpServer server, boolean push, FolderPath priority) {
        SyncSettings.Builder s = SyncSettings.builder().structureInterval(Duration.ofHours(10))
                .priorityInterval(Duration.ofHours(10)).standardInterval(Duration.ofHours(10)).pushChanges(push);
        if (priority != null) {
            s.select(priority, FolderSelection.PRIORITY);
        }
        return IceSync.create(dir, new Profile(new Account(JEAN, JEAN, server.imap()), s.build(), null),
                "secret".toCharArray());
    }

    static boolean within(Duration d, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    /** The names of the messages of a local Maildir folder (cur/ and new/). */
    List<String> local(String folder) {
        Path f = dir.resolve("mail").resolve(folder);
        try (Stream<Path> cur = Files.list(f.resolve("cur")); Stream<Path> nw = Files.list(f.resolve("new"))) {
            return Stream.concat(cur, nw).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean flaggedLocally(String folder) {
        return local(folder).stream().anyMatch(n -> n.matches(".*:2,[A-Z]*F[A-Z]*$"));
    }

    static IceWarpServer server(String... without) {
        IceWarpServer.Builder b = IceWarpServer.builder().account(JEAN, "secret");
        for (String c : without) {
            b.without(c);
        }
        return b.start();
    }

    List<String> sessionLog(IceSync sync) {
        return sync.events(200).stream().map(e -> e.level() + " " + e.message() + ": " + e.details()).toList();
    }

    @Test
    void withNotifyANewMessageAFlagAndANewFolderArriveWithoutACycleStartedByHand() throws Exception {
        try (IceWarpServer server = server()) {
        TestMailbox projets = server.account(JEAN).create("Projets");
        projets.append(Messages.simple("<old@iwdemo.test>", "Old"));

        try (IceSync sync = open(server, true, null); ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();
            assertThat(within(WITHIN, () -> sessionLog(sync).stream().anyMatch(l -> l.contains("server push on"))))
                    .as("push is on").isTrue();
            assertThat(sessionLog(sync)).anyMatch(l -> l.contains("server push on") && l.contains("NOTIFY"));

            long uid = projets.append(Messages.simple("<new@iwdemo.test>", "New"));
            assertThat(within(WITHIN, () -> local("Projets").size() == 2)).as("the new message is here").isTrue();

            projets.setFlags(uid, "\\Flagged");
            assertThat(within(WITHIN, () -> flaggedLocally("Projets"))).as("the flag set on the server is here")
                    .isTrue();
            assertThat(IceSync.status(dir, 0).lastCycle().kind()).isEqualTo("server change");

            server.account(JEAN).create("Clients");
            assertThat(within(WITHIN, () -> Files.isDirectory(dir.resolve("mail/Clients/cur"))))
                    .as("a folder created on the server is created here").isTrue();
            assertThat(s.isRunning()).isTrue();
        }
        }
    }

    @Test
    void withoutNotifyIdleWatchesThePriorityFolderOnly() throws Exception {
        try (IceWarpServer server = server("NOTIFY")) {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        TestMailbox projets = server.account(JEAN).create("Projets");

        try (IceSync sync = open(server, true, FolderPath.of("INBOX"));
             ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();
            assertThat(within(WITHIN, () -> sessionLog(sync).stream()
                    .anyMatch(l -> l.contains("server push on") && l.contains("IDLE")))).as("IDLE is on").isTrue();

            projets.append(Messages.simple("<projets@iwdemo.test>", "Not watched"));
            long uid = inbox.append(Messages.simple("<inbox@iwdemo.test>", "Watched"));
            assertThat(within(WITHIN, () -> local("INBOX").size() == 1)).as("the priority folder's new message")
                    .isTrue();
            inbox.setFlags(uid, "\\Flagged");
            assertThat(within(WITHIN, () -> flaggedLocally("INBOX"))).as("its flag").isTrue();
            assertThat(local("Projets")).as("a folder IDLE does not watch waits for its interval").isEmpty();
        }
        }
    }

    @Test
    void withPushOffAServerChangeWaitsForTheInterval() throws Exception {
        try (IceWarpServer server = server()) {
        TestMailbox projets = server.account(JEAN).create("Projets");

        try (IceSync sync = open(server, false, null); ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();
            projets.append(Messages.simple("<new@iwdemo.test>", "New"));
            // Many times what push takes: no cycle runs, nothing arrives.
            assertThat(within(Duration.ofSeconds(5), () -> cycles.size() > 1 || !local("Projets").isEmpty()))
                    .isFalse();
            assertThat(sessionLog(sync)).noneMatch(l -> l.contains("server push"));
        }
        }
    }

    @Test
    void aLostPushConnectionIsMadeAgainAndWhatChangedMeanwhileArrives() throws Exception {
        try (IceWarpServer server = server()) {
        TestMailbox projets = server.account(JEAN).create("Projets");
        server.faults().on("IDLE").drop().times(1);

        try (IceSync sync = open(server, true, null); ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();
            projets.append(Messages.simple("<new@iwdemo.test>", "New"));

            assertThat(within(WITHIN, () -> local("Projets").size() == 1)).as("the message arrives after all")
                    .isTrue();
            assertThat(sessionLog(sync)).anyMatch(l -> l.startsWith("WARNING server push stopped")
                    && l.contains("next try in"));
            assertThat(within(WITHIN, () -> sessionLog(sync).stream().anyMatch(l -> l.contains("server push on"))))
                    .as("push is back").isTrue();
            assertThat(s.isRunning()).isTrue();
        }
        }
    }

    @Test
    void aServerWithoutNotifyAndIdleStaysOnTheIntervalsAndTheSessionLogSaysSo() throws Exception {
        try (IceWarpServer server = server("NOTIFY", "IDLE")) {
        try (IceSync sync = open(server, true, null); ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();
            assertThat(within(WITHIN, () -> sessionLog(sync).stream().anyMatch(l ->
                    l.startsWith("WARNING server push stopped") && l.contains("neither NOTIFY nor IDLE"))))
                    .isTrue();
            assertThat(s.isRunning()).isTrue();
            assertThat(sync.syncOnce().ok()).as("syncing goes on").isTrue();
        }
        }
    }
}
