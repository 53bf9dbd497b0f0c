package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncReport;
import io.icesync.imap.ImapRemoteStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GroupWare profile on Dovecot's POP3 (../shared/peers): a message put in josephine's INBOX arrives
 * once, and stays on the server. Other tests' mail in that INBOX is only read (left on the server);
 * the test's own message is deleted at the end.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotPop3IT {
    static final int IMAP = Integer.getInteger("icesync.dovecot.port", 10143);
    static final int POP3 = Integer.getInteger("icesync.dovecot.pop3.port", 10110);
    static final String USER = "josephine@iwdemo.test";
    static final FolderPath INBOX = FolderPath.of("INBOX");

    final String messageId = "<pop3-" + UUID.randomUUID() + "@iwdemo.test>";

    @TempDir
    Path dir;

    static ImapRemoteStore imap() {
        return ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", IMAP, Security.PLAIN)).login(USER)
                .password("secret".toCharArray()).build();
    }

    @AfterEach
    void deleteOwnMessage() {
        try (ImapRemoteStore r = imap()) {
            r.connect();
            List<Long> mine = r.findByMessageId(INBOX, messageId);
            if (!mine.isEmpty()) {
                r.delete(INBOX, mine);
            }
        }
    }

    @Test
    void aMessageArrivesOnceOverDovecotsPop3AndStaysOnTheServer() throws Exception {
        Profile p = Profile.of(new Account(USER, USER, new Endpoint("127.0.0.1", IMAP, Security.PLAIN)))
                .withPop3ListenerPort(0);
        p = p.withServices(p.services().withPop3(Pop3Mail.leaveOnServer(new Endpoint("127.0.0.1", POP3, Security.PLAIN))));
        byte[] mail = ("Message-ID: " + messageId + "\r\nFrom: jean@iwdemo.test\r\nTo: " + USER
                + "\r\nSubject: over POP3\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\nHello.\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        try (IceSync sync = IceSync.builder().firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL)
                .create(dir, p, "secret".toCharArray())) {
            sync.syncOnce();
            try (ImapRemoteStore r = imap()) {
                r.connect();
                r.append(INBOX, Flags.NONE, Instant.now(), mail.length, () -> new ByteArrayInputStream(mail));
            }
            SyncReport second = sync.syncOnce();
            assertThat(inbox(second).downloaded()).as(second.summary()).isEqualTo(1);
            assertThat(inbox(sync.syncOnce()).downloaded()).as("nothing comes twice").isZero();
        }
        assertThat(GroupwareProfileTest.messageIds(dir)).containsOnlyOnce(messageId);
        try (ImapRemoteStore r = imap()) {
            r.connect();
            assertThat(r.findByMessageId(INBOX, messageId)).as("left on the server").hasSize(1);
        }
    }

    private static FolderReport inbox(SyncReport r) {
        return r.folders().stream().filter(f -> f.folder().equals(INBOX)).findFirst().orElseThrow();
    }
}
