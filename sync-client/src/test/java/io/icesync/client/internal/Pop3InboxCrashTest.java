package io.icesync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.Pop3Mail;
import io.icesync.core.FolderPath;
import io.icesync.core.MessageHeaders;
import io.icesync.core.ServiceAccess;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.testkit.CrashPoints;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMailbox;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A POP3 download killed before each of its steps (the record's intent and UIDL, the INBOX file and its
 * flush, each server command), then run again: every message is in the INBOX exactly once, and with
 * "delete at once" the server copies are gone only after that.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class Pop3InboxCrashTest {
    static final String JEAN = "jean@iwdemo.test";
    static final Set<String> SENT = Set.of("<a@x>", "<b@x>", "<c@x>");

    @TempDir
    Path root;

    @ParameterizedTest(name = "leave on server: {0}")
    @ValueSource(booleans = {true, false})
    void aKillAtAnyStepThenARerunLosesNothingAndDoublesNothing(boolean leave, IceWarpServer server) throws Exception {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        Set<String> killedAt = new HashSet<>();
        for (int n = 0; ; n++) {
            inbox.expunge(inbox.messages().stream().map(m -> m.uid()).toList());
            SENT.stream().sorted().forEach(id -> inbox.append(Messages.simple(id, "crash " + id)));
            Path dir = Files.createDirectories(root.resolve("run" + n));
            Pop3Mail policy = leave ? Pop3Mail.leaveOnServer(server.pop3()) : Pop3Mail.deleteAfterDays(server.pop3(), 0);
            CrashPoints kill = CrashPoints.at(n);
            try (LocalStore mail = LocalStores.maildir(dir.resolve("mail"))) {
                new Pop3Inbox(kill.wrap(LocalStore.class, mail),
                        kill.wrap(UidlRecord.class, new FileUidlRecord(dir.resolve("uidls.txt"))),
                        () -> kill.wrap(Pop3Mailbox.class, new AngusPop3Mailbox(server.pop3(), access())), policy,
                        FirstSyncHandler.REFUSE, Clock.SYSTEM).fetch();
            } catch (CrashPoints.Crash expected) {
                // the process died here
            }
            if (kill.killedAt() == null) {
                assertThat(messageIds(dir)).containsExactlyInAnyOrderElementsOf(SENT);
                break;
            }
            killedAt.add(kill.killedAt());
            try (LocalStore mail = LocalStores.maildir(dir.resolve("mail"))) {
                new Pop3Inbox(mail, new FileUidlRecord(dir.resolve("uidls.txt")),
                        () -> new AngusPop3Mailbox(server.pop3(), access()), policy, FirstSyncHandler.REFUSE,
                        Clock.SYSTEM).fetch();
            }
            assertThat(messageIds(dir)).as("the INBOX after a kill before %s (step %d)", kill.killedAt(), n)
                    .containsExactlyInAnyOrderElementsOf(SENT);
            assertThat(inbox.messages()).as("the server after a kill before %s", kill.killedAt())
                    .hasSize(leave ? 3 : 0);
        }
        assertThat(killedAt).contains("UidlRecord.intend", "LocalStore.add", "LocalStore.flush", "UidlRecord.record",
                "Pop3Mailbox.retrieve");
        if (!leave) {
            assertThat(killedAt).contains("Pop3Mailbox.delete", "Pop3Mailbox.commit");
        }
    }

    private static ServiceAccess access() {
        return ServiceAccess.builder().credentials(JEAN, "secret".toCharArray()).build();
    }

    private static List<String> messageIds(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        FolderPath in = FolderPath.of("INBOX");
        try (LocalStore m = LocalStores.maildir(dir.resolve("mail"))) {
            if (m.folders().stream().noneMatch(f -> f.path().equals(in))) {
                return out;
            }
            for (LocalItem i : m.items(in)) {
                try (InputStream s = m.open(in, i.id())) {
                    out.add(MessageHeaders.messageId(s));
                }
            }
        }
        return out;
    }
}
