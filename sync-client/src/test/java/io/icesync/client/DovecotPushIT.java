package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push against a real Dovecot (../shared/peers; it offers NOTIFY): in scheduled mode with every
 * interval an hour away, a message another client APPENDs and a flag it sets arrive in the local
 * Maildir with no cycle started by hand. Correctness only: the deadline is generous, nothing is timed.
 * The test works in a folder of its own on josephine's account, deleted at the end with its messages.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotPushIT {
    static final int IMAP = Integer.getInteger("icesync.dovecot.port", 10143);
    static final String USER = "josephine@iwdemo.test";
    static final Duration DEADLINE = Duration.ofSeconds(60);

    final String folder = "PushIT-" + UUID.randomUUID().toString().substring(0, 8);
    final String messageId = "<push-" + UUID.randomUUID() + "@iwdemo.test>";
    final List<SyncReport> cycles = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    RawImap raw() throws IOException {
        return new RawImap("127.0.0.1", IMAP, USER, "secret");
    }

    @AfterEach
    void deleteOwnFolder() throws IOException {
        try (RawImap r = raw()) {
            r.run("DELETE \"" + folder + "\"");
        } catch (IOException e) {
            // not created: nothing to clean
        }
    }

    @Test
    void aMessageAppendedAndAFlagSetByAnotherClientArriveWithoutACycleStartedByHand() throws Exception {
        try (RawImap r = raw()) {
            r.run("CREATE \"" + folder + "\"");
        }
        SyncSettings s = SyncSettings.builder().structureInterval(Duration.ofMinutes(60))
                .priorityInterval(Duration.ofMinutes(60)).standardInterval(Duration.ofMinutes(60))
                .defaultSelection(FolderSelection.UNSELECTED).select(FolderPath.of(folder), FolderSelection.SELECTED)
                .build();
        Profile p = new Profile(new Account(USER, USER, new Endpoint("127.0.0.1", IMAP, Security.PLAIN)), s, null)
                .withPop3ListenerPort(0);

        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray());
             ScheduledSync schedule = sync.startScheduled(cycles::add, null)) {
            assertThat(within(DEADLINE, () -> !cycles.isEmpty())).as("the first full cycle").isTrue();
            assertThat(local()).isEmpty();

            byte[] mail = ("Message-ID: " + messageId + "\r\nFrom: jean@iwdemo.test\r\nTo: " + USER
                    + "\r\nSubject: pushed\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\nHello.\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try (RawImap r = raw()) {
                r.append(folder, mail);
            }
            assertThat(within(DEADLINE, () -> local().size() == 1)).as("the appended message is here").isTrue();
            assertThat(Files.readString(local().get(0))).contains(messageId);

            try (RawImap r = raw()) {
                r.run("SELECT \"" + folder + "\"");
                r.run("UID STORE 1:* +FLAGS (\\Flagged)");
            }
            assertThat(within(DEADLINE, () -> local().stream()
                    .anyMatch(f -> f.getFileName().toString().matches(".*:2,[A-Z]*F[A-Z]*$"))))
                    .as("the flag set by the other client is here").isTrue();
            assertThat(IceSync.status(dir, 0).lastCycle().kind()).as("a cycle push started").isEqualTo("server change");
            assertThat(schedule.isRunning()).isTrue();
        }
    }

    List<Path> local() {
        Path f = dir.resolve("mail").resolve(folder);
        if (!Files.isDirectory(f.resolve("cur"))) {
            return List.of();
        }
        try (Stream<Path> cur = Files.list(f.resolve("cur")); Stream<Path> nw = Files.list(f.resolve("new"))) {
            return Stream.concat(cur, nw).toList();
        } catch (IOException e) {
            return List.of(); // a file renamed while listed: look again
        }
    }

    static boolean within(Duration d, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return done.getAsBoolean();
    }
}
