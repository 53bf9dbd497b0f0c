package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.imap.ImapRemoteStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Dovecot (../shared/peers; not IceWarp), a top-level mail folder called Documents is mail: one
 * sync brings its message into the Maildir. Only that folder's items are synced (the others of the
 * shared account are left unselected); the test's message, and the folder if the test made it, go.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotDocumentsFolderIT {
    static final int PORT = Integer.getInteger("icesync.dovecot.port", 10143);
    static final String USER = "jean@iwdemo.test";
    static final FolderPath DOCUMENTS = FolderPath.of("Documents");

    final String messageId = "<documents-" + UUID.randomUUID() + "@iwdemo.test>";
    boolean created;
    long uid;

    @TempDir
    Path dir;

    static ImapRemoteStore remote() {
        return ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", PORT, Security.PLAIN)).login(USER)
                .password("secret".toCharArray()).build();
    }

    @AfterEach
    void cleanUp() {
        try (ImapRemoteStore r = remote()) {
            r.connect();
            if (created) {
                r.deleteFolder(DOCUMENTS);
            } else if (uid > 0) {
                r.delete(DOCUMENTS, List.of(uid));
            }
        }
    }

    @Test
    void aMailFolderNamedDocumentsIsSyncedIntoTheMaildir() throws Exception {
        byte[] mail = ("Message-ID: " + messageId + "\r\nFrom: anna@iwdemo.test\r\nTo: " + USER
                + "\r\nSubject: the signed offer\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\nSee attached.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (ImapRemoteStore r = remote()) {
            r.connect();
            if (r.folders().stream().noneMatch(f -> f.path().equals(DOCUMENTS))) {
                r.createFolder(DOCUMENTS, FolderKind.MAIL);
                created = true;
            }
            uid = r.append(DOCUMENTS, Flags.NONE, Instant.now(), mail.length, () -> new ByteArrayInputStream(mail));
        }
        SyncSettings only = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1))
                .defaultSelection(FolderSelection.UNSELECTED).select(DOCUMENTS, FolderSelection.SELECTED).build();
        Profile p = Profile.of(new Account(USER, USER, new Endpoint("127.0.0.1", PORT, Security.PLAIN))).withSettings(only);

        SyncReport report;
        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
            report = sync.syncOnce();
        }

        assertThat(report.notSynced()).as(report.summary()).isEmpty();
        assertThat(IceSync.syncedKinds(dir)).containsEntry(DOCUMENTS, FolderKind.MAIL);
        try (Stream<Path> s = Files.walk(dir.resolve("mail/Documents"))) {
            List<String> texts = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(DovecotDocumentsFolderIT::read).toList();
            assertThat(texts).anyMatch(t -> t.contains(messageId));
        }
        assertThat(dir.resolve("groupware/Documents")).doesNotExist();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
