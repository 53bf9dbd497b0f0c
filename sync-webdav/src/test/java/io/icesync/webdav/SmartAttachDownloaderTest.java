package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/**
 * What the downloader asks of its WebDAV client (a mock: the network is the client's business): the path
 * under the base, a file name that replaces nothing, the size and hash the message gave, and no request at
 * all for a link the account's credentials must not follow.
 */
class SmartAttachDownloaderTest {
    private static final URI BASE = URI.create("https://mail.iwdemo.test/webdav/");

    @TempDir
    Path folder;

    private WebDavClient client;

    @BeforeEach
    void mockClient() {
        client = mock(WebDavClient.class);
        when(client.base()).thenReturn(BASE);
        when(client.url(anyString())).thenAnswer(a -> BASE.resolve((String) a.getArgument(0)));
    }

    @Test
    void aLinkUnderTheBaseIsDownloadedBesideAnExistingFileWithTheChecksOfTheMessage() throws Exception {
        Files.writeString(folder.resolve("report.pdf"), "kept");
        SmartAttachLink link = new SmartAttachLink(URI.create("https://mail.iwdemo.test/webdav/Files/Q3/report.pdf"),
                "report.pdf", 1234, "ab".repeat(32), SmartAttachLink.Source.HEADER);

        new SmartAttachDownloader(client).download(link, folder, null);

        ArgumentCaptor<DownloadOptions> options = ArgumentCaptor.forClass(DownloadOptions.class);
        verify(client).download(eq("Files/Q3/report.pdf"), eq(folder.resolve("report (2).pdf")), options.capture());
        assertThat(options.getValue().expectedSize()).isEqualTo(1234);
        assertThat(options.getValue().expectedSha256()).isEqualTo("ab".repeat(32));
        assertThat(folder.resolve("report.pdf")).hasContent("kept");
    }

    @Test
    void aLinkToAnotherServerOrWithAQueryIsRefusedWithoutAnyRequest() {
        SmartAttachDownloader downloader = new SmartAttachDownloader(client);
        SmartAttachLink elsewhere = new SmartAttachLink(URI.create("https://files.example.net/webdav/Files/a.pdf"),
                "a.pdf", -1, null, SmartAttachLink.Source.BODY);
        SmartAttachLink query = new SmartAttachLink(URI.create("https://mail.iwdemo.test/webdav/Files/a.pdf?download=1"),
                "a.pdf", -1, null, SmartAttachLink.Source.BODY);

        assertThatThrownBy(() -> downloader.download(elsewhere, folder, null)).isInstanceOf(SmartAttachException.class)
                .hasMessageContaining("files.example.net").hasMessageContaining("not sent elsewhere");
        assertThatThrownBy(() -> downloader.download(query, folder, null)).isInstanceOf(SmartAttachException.class)
                .hasMessageContaining("query");
        verify(client, never()).download(anyString(), any(), any());
    }
}
