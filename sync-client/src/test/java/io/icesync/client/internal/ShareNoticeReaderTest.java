package io.icesync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The "share offered" notice is told from other mail by its header only. */
class ShareNoticeReaderTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNoticeNamesTheFolderAndCarriesItsMessageId() {
        var n = ShareNoticeReader.read(bytes("From: jean@example.com\r\nSubject: shared\r\n"
                + "Message-ID: <share-1@example.com>\r\nX-Share-Folder: ~jean@example.com/Projets/2027\r\n"
                + "X-Share-Rights: lrs\r\n\r\nbody\r\n")).orElseThrow();
        assertThat(n.messageId()).isEqualTo("<share-1@example.com>");
        assertThat(ShareNoticeReader.folder(n, '/')).contains(FolderPath.of("~jean@example.com", "Projets", "2027"));
    }

    @Test
    void otherMailAHeaderInTheBodyAndAnEmptyNameAreNoNotice() {
        assertThat(ShareNoticeReader.read(bytes("From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n"))).isEmpty();
        assertThat(ShareNoticeReader.read(bytes("Subject: quoted\r\n\r\nX-Share-Folder: ~x/Y\r\n"))).isEmpty();
        assertThat(ShareNoticeReader.read(bytes("X-Share-Folder:  \r\n\r\n"))).isEmpty();
        assertThat(ShareNoticeReader.read(new byte[0])).isEmpty();
    }

    @Test
    void aNameThatCannotBeAFolderIsLeftOut() {
        var n = ShareNoticeReader.read(bytes("X-Share-Folder: ~jean@example.com//x\r\n\r\n")).orElseThrow();
        assertThat(n.messageId()).isNull();
        assertThat(ShareNoticeReader.folder(n, '/')).isEmpty();
    }
}
