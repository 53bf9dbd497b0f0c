package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SessionEvent;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.WebDavFiles;
import io.icesync.webdav.DownloadMismatchException;
import io.icesync.webdav.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachment links through the profile (F6.2, F7.1), against the testkit's IMAP and WebDAV: a
 * SmartAttach message in INBOX and an event whose ATTACH points at a WebDAV file are recorded by one
 * cycle, fetched into {@code attachments/} with their bytes checked, resumed after a cut, refused
 * with a wrong hash, and fetched by the cycle itself under the auto-fetch size.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class AttachmentsTest {
    static final String JEAN = "jean@iwdemo.test";
    static final byte[] REPORT = bytes(3_000, 1);
    static final byte[] AGENDA = bytes(1_500_000, 2);

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void folder() {
        dir = tmp.resolve("p");
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Profile profile(IceWarpServer server, SyncSettings settings) {
        return new Profile(new Account(JEAN, JEAN, server.imap()), settings, server.certificatePem())
                .withServices(Services.NONE.withSmartAttach(server.webdav().url()));
    }

    /** The report as a SmartAttach message in INBOX, the agenda as the ATTACH of an event in Calendar. */
    static void seed(IceWarpServer server, byte[] message) {
        WebDavFiles files = server.webdav().files(JEAN);
        files.put("Docs/report.pdf", REPORT);
        files.put("Shared/agenda.pdf", AGENDA);
        var account = server.account(JEAN);
        account.mailbox("INBOX").append(message != null ? message : server.webdav().smartAttachMessage(JEAN, "Docs/report.pdf"));
        String event = Messages.event("ev1", "Budget review").replace("SUMMARY:", "ATTACH;FILENAME=agenda.pdf;SIZE="
                + AGENDA.length + ":" + server.webdav().url("Shared/agenda.pdf") + "\r\nSUMMARY:");
        account.create("Calendar").kind(FolderKind.EVENTS).appendObject(event);
    }

    static Attachment named(List<Attachment> all, String fileName) {
        return all.stream().filter(a -> a.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    List<Path> filesUnder(String sub) throws IOException {
        Path root = dir.resolve(sub);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void oneCycleRecordsBothLinksOnceAndFetchBringsTheirBytes(IceWarpServer server) throws Exception {
        seed(server, null);
        try (IceSync sync = IceSync.create(dir, profile(server, SyncSettings.defaults()), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
            List<Attachment> all = sync.attachments().list();
            assertThat(all).extracting(Attachment::fileName).containsExactlyInAnyOrder("report.pdf", "agenda.pdf");
            Attachment report = named(all, "report.pdf");
            assertThat(report.folder()).isEqualTo(FolderPath.of("INBOX"));
            assertThat(report.item()).startsWith("<").endsWith("@iwdemo.test>");
            assertThat(report.title()).isEqualTo("File: report.pdf");
            assertThat(report.size()).isEqualTo(REPORT.length);
            assertThat(report.url()).isEqualTo(server.webdav().url("Docs/report.pdf"));
            assertThat(report.id()).matches("[0-9a-f]{8}");
            Attachment agenda = named(all, "agenda.pdf");
            assertThat(agenda.folder()).isEqualTo(FolderPath.of("Calendar"));
            assertThat(agenda.item()).isEqualTo("ev1");
            assertThat(agenda.title()).isEqualTo("Budget review");
            assertThat(agenda.size()).isEqualTo(AGENDA.length);
            assertThat(all).allSatisfy(a -> assertThat(a.state()).isEqualTo(Attachment.State.NOT_FETCHED));
            assertThat(filesUnder(Attachments.DIR)).as("nothing fetched unless asked").isEmpty();

            assertThat(sync.syncOnce().ok()).isTrue();
            assertThat(sync.attachments().list()).as("a second cycle adds no record").isEqualTo(all);

            Attachment fetched = sync.attachments().fetch(report.id(), null);
            assertThat(fetched.state()).isEqualTo(Attachment.State.FETCHED);
            assertThat(fetched.file()).startsWith(dir.resolve("attachments")).hasFileName("report.pdf");
            assertThat(fetched.file().getParent().getFileName().toString()).startsWith("File_ report.pdf [");
            assertThat(Files.readAllBytes(fetched.file())).isEqualTo(REPORT);
            assertThat(sync.attachments().fetch(report.id(), null).file()).as("fetched again: the same file")
                    .isEqualTo(fetched.file());
            assertThat(sync.attachments().ofItem(FolderPath.of("Calendar"), agenda.localId()))
                    .extracting(Attachment::id).containsExactly(agenda.id());
        }
        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.attachments().list()).extracting(Attachment::fileName, Attachment::state)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("report.pdf", Attachment.State.FETCHED),
                            org.assertj.core.groups.Tuple.tuple("agenda.pdf", Attachment.State.NOT_FETCHED));
            // The message deleted locally: its link goes, the file it brought stays.
            for (Path m : filesUnder("mail/INBOX")) {
                Files.delete(m);
            }
            assertThat(sync.syncOnce().ok()).isTrue();
            assertThat(sync.attachments().list()).extracting(Attachment::fileName).containsExactly("agenda.pdf");
            assertThat(filesUnder(Attachments.DIR)).extracting(p -> p.getFileName().toString()).containsExactly("report.pdf");
        }
    }

    @Test
    void aCutTransferResumesAtTheNextFetch(IceWarpServer server) throws Exception {
        seed(server, null);
        try (IceSync sync = IceSync.create(dir, profile(server, SyncSettings.defaults()), "secret".toCharArray())) {
            sync.syncOnce();
            Attachment agenda = named(sync.attachments().list(), "agenda.pdf");
            // More cuts than the download's own retries: the first fetch gives up.
            server.webdav().faults().cutAfter(400_000).times(3).on("Shared/agenda.pdf");

            assertThatThrownBy(() -> sync.attachments().fetch(agenda.id(), null))
                    .isInstanceOfSatisfying(AttachmentException.class, e -> {
                        assertThat(e.id()).isEqualTo(agenda.id());
                        assertThat(e.url()).isEqualTo(agenda.url());
                    })
                    .hasMessageContaining(agenda.id()).hasMessageContaining("agenda.pdf");
            Attachment failed = sync.attachments().get(agenda.id());
            assertThat(failed.state()).isEqualTo(Attachment.State.FAILED);
            assertThat(failed.error()).isNotBlank();

            AtomicLong resumedFrom = new AtomicLong(-1);
            Attachment done = sync.attachments().fetch(agenda.id(), (Progress p) -> resumedFrom.set(p.resumedFrom()));
            assertThat(done.state()).isEqualTo(Attachment.State.FETCHED);
            assertThat(done.error()).isNull();
            assertThat(Files.readAllBytes(done.file())).isEqualTo(AGENDA);
            assertThat(resumedFrom.get()).as("continued from the kept part").isGreaterThanOrEqualTo(400_000);
        }
    }

    @Test
    void aWrongHashIsRefusedAndRecorded(IceWarpServer server) throws Exception {
        server.webdav().files(JEAN).put("Docs/report.pdf", REPORT);
        String wrong = "0".repeat(64);
        byte[] message = new String(server.webdav().smartAttachMessage(JEAN, "Docs/report.pdf"), StandardCharsets.UTF_8)
                .replace("algorithm=\"MD5\"", "algorithm=\"MD5\"; sha256=\"" + wrong + "\"").getBytes(StandardCharsets.UTF_8);
        seed(server, message);
        try (IceSync sync = IceSync.create(dir, profile(server, SyncSettings.defaults()), "secret".toCharArray())) {
            sync.syncOnce();
            Attachment report = named(sync.attachments().list(), "report.pdf");
            assertThat(report.sha256()).isEqualTo(wrong);

            assertThatThrownBy(() -> sync.attachments().fetch(report.id(), null))
                    .isInstanceOf(AttachmentException.class).hasCauseInstanceOf(DownloadMismatchException.class)
                    .hasMessageContaining(report.id());
            Attachment after = sync.attachments().get(report.id());
            assertThat(after.state()).isEqualTo(Attachment.State.FAILED);
            assertThat(after.error()).contains(wrong);
            assertThat(filesUnder(Attachments.DIR)).as("nothing kept of a file that is not the one announced").isEmpty();
        }
    }

    @Test
    void autoFetchBringsTheLinksUnderTheThresholdAtTheEndOfTheCycle(IceWarpServer server) throws Exception {
        seed(server, null);
        SyncSettings oneMb = SyncSettings.builder().autoFetchAttachmentsMb(1).build();
        try (IceSync sync = IceSync.create(dir, profile(server, oneMb), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
            List<Attachment> all = sync.attachments().list();
            assertThat(named(all, "report.pdf").state()).isEqualTo(Attachment.State.FETCHED);
            assertThat(Files.readAllBytes(named(all, "report.pdf").file())).isEqualTo(REPORT);
            assertThat(named(all, "agenda.pdf").state()).as("1.5 MB is over 1 MB").isEqualTo(Attachment.State.NOT_FETCHED);
            assertThat(server.webdav().requests("GET")).extracting(r -> r.path()).doesNotContain("Shared/agenda.pdf");
        }
    }

    @Test
    void aFailedAutoFetchIsRecordedAndTheCycleSucceeds(IceWarpServer server) throws Exception {
        seed(server, null);
        server.webdav().faults().status("Docs/report.pdf", 503).times(Integer.MAX_VALUE);
        SyncSettings oneMb = SyncSettings.builder().autoFetchAttachmentsMb(1).build();
        try (IceSync sync = IceSync.create(dir, profile(server, oneMb), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
            Attachment report = named(sync.attachments().list(), "report.pdf");
            assertThat(report.state()).isEqualTo(Attachment.State.FAILED);
            assertThat(report.error()).contains("503");
            assertThat(sync.events(50)).anySatisfy(e -> {
                assertThat(e.level()).isEqualTo(SessionEvent.Level.WARNING);
                assertThat(e.message()).isEqualTo("attachment not fetched");
                assertThat(e.details()).contains(report.id()).contains("503");
            });
        }
    }

    @Test
    void aLinkToAnotherHostNeverGetsThePassword(IceWarpServer server) throws Exception {
        String foreign = "https://files.elsewhere.test/x/leak.pdf";
        server.webdav().files(JEAN).put("Docs/report.pdf", REPORT);
        byte[] message = new String(server.webdav().smartAttachMessage(JEAN, "Docs/report.pdf"), StandardCharsets.UTF_8).replaceAll("X-IceWarp-SmartAttach: [^\r]*", "X-IceWarp-SmartAttach: url=\"" + foreign
                + "\"; size=\"10\"").getBytes(StandardCharsets.UTF_8);
        seed(server, message);
        try (IceSync sync = IceSync.create(dir, profile(server, SyncSettings.defaults()), "secret".toCharArray())) {
            sync.syncOnce();
            Attachment leak = named(sync.attachments().list(), "leak.pdf");
            assertThatThrownBy(() -> sync.attachments().fetch(leak.id(), null)).isInstanceOf(AttachmentException.class)
                    .hasMessageContaining("files.elsewhere.test").hasMessageContaining("password is not sent");
            assertThat(sync.attachments().get(leak.id()).state()).isEqualTo(Attachment.State.FAILED);
        }
    }

    @Test
    void anUnknownIdIsATypedErrorNamingIt(IceWarpServer server) {
        try (IceSync sync = IceSync.create(dir, profile(server, SyncSettings.defaults()), "secret".toCharArray())) {
            assertThatThrownBy(() -> sync.attachments().fetch("deadbeef", null))
                    .isInstanceOfSatisfying(AttachmentException.class, e -> assertThat(e.id()).isEqualTo("deadbeef"))
                    .hasMessageContaining("'deadbeef'");
        }
    }
}
