package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.icesync.core.Account;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.MassDeleteException;
import io.icesync.core.engine.MassDeleteException.Side;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile folder whose {@code mail/} or {@code groupware/} was moved away (an unmounted disk, a
 * restore, a tidy-up) against the IMAP test server: the sync stops before it deletes anything on the
 * server, and finds everything again once the directory is back.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret", without = "METADATA")
class VanishedStoreTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private static Map<String, Integer> serverSide(TestAccount a) {
        Map<String, Integer> out = new TreeMap<>();
        a.mailboxes().forEach(m -> out.put(m.name(), m.size()));
        return out;
    }

    private IceSync seededAndSynced(IceWarpServer server) {
        TestAccount a = server.account(JEAN);
        a.create("Contacts").appendObject(Messages.card("c1", "Anna Martin"));
        a.create("Calendar").appendObject(Messages.event("e1", "Weekly meeting"));
        a.create("Projets").append("Subject: p\r\nMessage-ID: <p@x>\r\n\r\nx\r\n".getBytes());
        a.mailbox("INBOX").append("Subject: i\r\nMessage-ID: <i@x>\r\n\r\nx\r\n".getBytes());
        IceSync sync = IceSync.create(dir, Profile.of(new Account(JEAN, JEAN, server.imap())), "secret".toCharArray());
        assertThat(sync.syncOnce().ok()).isTrue();
        return sync;
    }

    @Test
    void aGroupwareDirectoryMovedAwayDeletesNoContactsOrCalendar(IceWarpServer server) throws Exception {
        seededAndSynced(server).close();
        Map<String, Integer> before = serverSide(server.account(JEAN));
        Files.move(dir.resolve(IceSync.GROUPWARE_DIR), elsewhere.resolve("groupware"));

        try (IceSync sync = IceSync.open(dir)) {
            MassDeleteException e = catchThrowableOfType(sync::syncOnce, MassDeleteException.class);
            assertThat(e.refusals()).singleElement().satisfies(r -> {
                assertThat(r.side()).isEqualTo(Side.SERVER);
                assertThat(r.folders()).containsExactly(FolderPath.of("Calendar"), FolderPath.of("Contacts"));
                assertThat(r.reason()).isEqualTo("the local store " + dir.resolve(IceSync.GROUPWARE_DIR) + " is missing");
            });
            assertThat(sync.status(5).lastCycle().ok()).isFalse();
            assertThat(sync.status(5).lastCycle().error()).contains("would be deleted on the server");
        }
        assertThat(serverSide(server.account(JEAN))).isEqualTo(before);

        Files.delete(dir.resolve(IceSync.GROUPWARE_DIR));
        Files.move(elsewhere.resolve("groupware"), dir.resolve(IceSync.GROUPWARE_DIR));
        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.syncOnce().changedAnything()).isFalse();
        }
        assertThat(serverSide(server.account(JEAN))).isEqualTo(before);
    }

    @Test
    void aMailDirectoryMovedAwayDeletesNoMailFolder(IceWarpServer server) throws Exception {
        seededAndSynced(server).close();
        Map<String, Integer> before = serverSide(server.account(JEAN));
        Files.move(dir.resolve(IceSync.MAIL_DIR), elsewhere.resolve("mail"));

        try (IceSync sync = IceSync.open(dir)) {
            MassDeleteException e = catchThrowableOfType(sync::syncOnce, MassDeleteException.class);
            assertThat(e.refusals().get(0).folders()).contains(FolderPath.of("INBOX"), FolderPath.of("Projets"))
                    .doesNotContain(FolderPath.of("Contacts"), FolderPath.of("Calendar"));
            assertThat(e.getMessage()).contains(dir.resolve(IceSync.MAIL_DIR) + " is missing");
        }
        assertThat(serverSide(server.account(JEAN))).isEqualTo(before);
        assertThat(List.of(dir.resolve("groupware/Contacts"), dir.resolve("groupware/Calendar")))
                .allSatisfy(p -> assertThat(p).isDirectory());
    }
}
