package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestWebDav;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a message in the INBOX to its SmartAttach files on disk, through the test server. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SmartAttachDownloadTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    private static WebDavClient client(IceWarpServer server, TestWebDav dav) {
        return WebDavClient.builder(dav.url()).credentials(JEAN, "secret".toCharArray())
                .trust(CertificateTrust.inMemory(server.certificate())).timeout(Duration.ofSeconds(20)).build();
    }

    private static List<SmartAttachLink> linksOfFirstMessage(IceWarpServer server, TestWebDav dav) {
        TestMailbox inbox = server.account(JEAN).mailbox("INBOX");
        return SmartAttach.find(new ByteArrayInputStream(inbox.messages().get(0).content()), dav.url());
    }

    @Test
    void anEventsAttachmentsUnderTheAccountFilesAreFoundAndDownloaded(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        byte[] agenda = TestWebDavClientTest.random(200_000, 5);
        dav.files(JEAN).put("Files/Ordre du jour.pdf", agenda);
        String url = dav.url("Files/Ordre du jour.pdf").toString();
        String event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e1\r\nSUMMARY:Comité\r\n"
                + "ATTACH;FMTTYPE=application/pdf;FILENAME=\"Ordre du jour.pdf\";SIZE=200000:\r\n " + url + "\r\n"
                + "ATTACH:https://elsewhere.example/file.pdf\r\n"
                + "ATTACH;ENCODING=BASE64;VALUE=BINARY:SGVsbG8=\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        List<SmartAttachLink> links = SmartAttach.findInCalendar(event, dav.url());

        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.fileName()).isEqualTo("Ordre du jour.pdf");
            assertThat(l.size()).isEqualTo(200_000);
            assertThat(l.source()).isEqualTo(SmartAttachLink.Source.EVENT);
        });
        try (WebDavClient c = client(server, dav)) {
            Download d = new SmartAttachDownloader(c).download(links.get(0), tmp.resolve("event"), p -> { });
            assertThat(d.file()).hasBinaryContent(agenda);
        }
    }

    @Test
    void theFilesOfAMessageLandInTheFolderWithProgress(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        byte[] content = TestWebDavClientTest.random(1_500_000, 11);
        dav.files(JEAN).put("Files/Devis été.pdf", content);
        server.account(JEAN).mailbox("INBOX").append(dav.smartAttachMessage(JEAN, "Files/Devis été.pdf"));
        List<Progress> progress = new CopyOnWriteArrayList<>();

        try (WebDavClient c = client(server, dav)) {
            List<Download> done = new SmartAttachDownloader(c).downloadAll(linksOfFirstMessage(server, dav), tmp.resolve("in"),
                    (link, p) -> progress.add(p));

            assertThat(done).hasSize(1);
            assertThat(done.get(0).file()).isEqualTo(tmp.resolve("in").resolve("Devis été.pdf").toAbsolutePath());
            assertThat(done.get(0).file()).hasBinaryContent(content);
            assertThat(done.get(0).sha256()).isEqualTo(TestWebDavClientTest.sha256(content));
        }
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).bytes()).isEqualTo(content.length);
    }

    @Test
    void aCutDownloadContinuesOnTheNextRunAndASecondCopyGetsItsOwnName(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        byte[] content = TestWebDavClientTest.random(700_000, 12);
        dav.files(JEAN).put("Files/data.bin", content);
        server.account(JEAN).mailbox("INBOX").append(dav.smartAttachMessage(JEAN, "Files/data.bin"));
        dav.faults().cutAfter(250_000).times(2);
        Path folder = tmp.resolve("in");

        try (WebDavClient c = client(server, dav)) {
            SmartAttachDownloader downloader = new SmartAttachDownloader(c);
            SmartAttachLink link = linksOfFirstMessage(server, dav).get(0);
            Files.createDirectories(folder);
            // A first run that gives up after one retry, as an application stopped midway: both attempts are cut.
            assertThatThrownBy(() -> c.download("Files/data.bin", folder.resolve("data.bin"),
                    link.options().withRetries(1))).isInstanceOf(io.icesync.core.ConnectionException.class);

            Download resumed = downloader.download(link, folder, null);
            assertThat(resumed.file()).hasFileName("data.bin").hasBinaryContent(content);
            assertThat(resumed.resumedFrom()).isEqualTo(500_000);

            Download again = downloader.download(link, folder, null);
            assertThat(again.file()).hasFileName("data (2).bin").hasBinaryContent(content);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data.bin", "data (2).bin");
        }
    }

    @Test
    void aWrongSizeInTheMessageLeavesNoFile(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        dav.files(JEAN).put("Files/x.bin", new byte[1000]);
        SmartAttachLink link = new SmartAttachLink(dav.url("Files/x.bin"), "x.bin", 999, null, SmartAttachLink.Source.HEADER);
        try (WebDavClient c = client(server, dav)) {
            assertThatThrownBy(() -> new SmartAttachDownloader(c).download(link, tmp, null))
                    .isInstanceOf(DownloadMismatchException.class);
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void hostileNamesStayInTheFolderAndForeignLinksAreRefused(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        dav.files(JEAN).put("Files/a.txt", new byte[] {1, 2});
        Path folder = tmp.resolve("in");
        try (WebDavClient c = client(server, dav)) {
            SmartAttachDownloader downloader = new SmartAttachDownloader(c);
            Download d1 = downloader.download(link(dav.url("Files/a.txt"), "../../etc/passwd"), folder, null);
            Download d2 = downloader.download(link(dav.url("Files/a.txt"), "C:\\Windows\\con.txt"), folder, null);
            Download d3 = downloader.download(link(dav.url("Files/a.txt"), ".."), folder, null);
            assertThat(List.of(d1.file(), d2.file(), d3.file())).allSatisfy(f -> assertThat(f.getParent())
                    .isEqualTo(folder.toAbsolutePath()));
            assertThat(List.of(d1, d2, d3)).extracting(d -> d.file().getFileName().toString())
                    .containsExactly("passwd", "_con.txt", "attachment");

            assertThatThrownBy(() -> downloader.download(link(URI.create("https://evil.example/webdav/Files/a.txt"), "a.txt"),
                    folder, null)).isInstanceOf(SmartAttachException.class).hasMessageContaining("not sent elsewhere");
        }
        assertThat(dav.requests("GET")).hasSize(3);
    }

    private static SmartAttachLink link(URI url, String name) {
        return new SmartAttachLink(url, name, -1, null, SmartAttachLink.Source.BODY);
    }
}
