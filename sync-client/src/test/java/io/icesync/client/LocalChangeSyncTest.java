package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Sync right after a local change" (F4.3) in scheduled mode, against the testkit server: the
 * folders' own interval is hours away, so only the local change can bring a new file to the server.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class LocalChangeSyncTest {
    static final String JEAN = "jean@iwdemo.test";
    /** Longer than the watcher's quiet time and its longest wait together, with room for a slow machine. */
    static final Duration UPLOAD_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    final List<SyncReport> cycles = new CopyOnWriteArrayList<>();

    IceSync open(IceWarpServer server, boolean afterLocalChange) {
        // Push off: the server would report the upload back, and its cycle (which finds nothing) would
        // be counted here; ServerPushTest covers push.
        SyncSettings s = SyncSettings.builder().standardInterval(Duration.ofHours(10))
                .syncAfterLocalChange(afterLocalChange).pushChanges(false).build();
        return IceSync.create(dir, new Profile(new Account(JEAN, JEAN, server.imap()), s, null), "secret".toCharArray());
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

    /** A message delivered as a mail program delivers it: written in tmp/, then renamed into new/. */
    void deliverLocally(String folder, String messageId) throws Exception {
        Path tmp = dir.resolve("mail").resolve(folder).resolve("tmp").resolve("local-1.host");
        Files.write(tmp, Messages.simple(messageId, "Written here"));
        Files.move(tmp, dir.resolve("mail").resolve(folder).resolve("new").resolve("local-1.host"),
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aMessageDroppedIntoAMaildirAndAnEditedContactReachTheServerWithinSeconds(IceWarpServer server)
            throws Exception {
        var account = server.account(JEAN);
        TestMailbox projets = account.create("Projets");
        projets.append(Messages.simple("<old@iwdemo.test>", "Old"));
        TestMailbox contacts = account.create("Contacts").kind(FolderKind.CONTACTS);
        contacts.appendObject(Messages.card("c1", "Anna Martin"));

        try (IceSync sync = open(server, true); ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(UPLOAD_WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();
            assertThat(Files.list(dir.resolve("mail/Projets/cur"))).hasSize(1);

            deliverLocally("Projets", "<local@iwdemo.test>");

            assertThat(within(UPLOAD_WITHIN, () -> !projets.byMessageId("<local@iwdemo.test>").isEmpty()))
                    .as("the local message is on the server").isTrue();
            // The server has the message before the cycle that sent it has ended and reported.
            assertThat(within(UPLOAD_WITHIN, () -> cycles.stream().anyMatch(r -> r.uploaded() == 1)))
                    .as("a cycle reported sending it").isTrue();
            assertThat(IceSync.status(dir, 0).lastCycle().kind()).as("a local-change cycle").isEqualTo("local change");
            int after = cycles.size();
            // The watcher may take an event of the cycle's own writes only after the cycle ended (a busy
            // machine): that costs one more cycle that finds nothing, never a chain of them.
            within(Duration.ofSeconds(4), () -> cycles.size() > after + 1);
            assertThat(cycles.size() - after).as("the sync's own writes trigger at most one idle cycle")
                    .isLessThanOrEqualTo(1);
            assertThat(cycles.subList(after, cycles.size())).as("an extra cycle changes nothing")
                    .noneMatch(SyncReport::changedAnything);

            Path card = dir.resolve("groupware/Contacts/c1.vcf");
            Files.writeString(card, Files.readString(card).replace("Anna Martin", "Anna Martin-Keller"),
                    StandardCharsets.UTF_8);

            assertThat(within(UPLOAD_WITHIN, () -> contacts.messages().stream()
                    .anyMatch(m -> new String(m.content(), StandardCharsets.UTF_8).contains("Anna Martin-Keller"))))
                    .as("the edited contact is on the server").isTrue();
            assertThat(s.isRunning()).isTrue();
        }
    }

    @Test
    void withTheSettingOffALocalMessageWaitsForTheFoldersInterval(IceWarpServer server) throws Exception {
        TestMailbox projets = server.account(JEAN).create("Projets");

        try (IceSync sync = open(server, false); ScheduledSync s = sync.startScheduled(cycles::add, null)) {
            assertThat(within(UPLOAD_WITHIN, () -> cycles.size() == 1)).as("the first full cycle").isTrue();

            deliverLocally("Projets", "<local@iwdemo.test>");

            // Several times what the watcher takes to hand a change on: nothing is sent, no cycle runs.
            assertThat(within(Duration.ofSeconds(8), () -> projets.size() > 0 || cycles.size() > 1)).isFalse();
            assertThat(projets.size()).isZero();
        }
        try (IceSync sync = IceSync.open(dir)) {
            sync.syncOnce();
        }
        assertThat(projets.byMessageId("<local@iwdemo.test>")).as("the next cycle takes it").hasSize(1);
    }
}
