package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestWebDav;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which SmartAttach links a reader finds in a message, and what it does with odd ones. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SmartAttachFindTest {
    private static final URI BASE = URI.create("https://mail.iwdemo.test/webdav/");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static List<SmartAttachLink> find(String message, URI base) {
        return SmartAttach.find(new ByteArrayInputStream(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)), base);
    }

    private static String encoded(String url) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    @Test
    void aMessageSeededOnTheTestServerGivesItsFileOnce(IceWarpServer server) {
        TestWebDav dav = server.webdav();
        dav.files("jean@iwdemo.test").put("Files/Offre été.pdf", new byte[12345]);
        server.account("jean@iwdemo.test").mailbox("INBOX").append(dav.smartAttachMessage("jean@iwdemo.test", "Files/Offre été.pdf"));
        byte[] stored = server.account("jean@iwdemo.test").mailbox("INBOX").messages().get(0).content();

        List<SmartAttachLink> links = SmartAttach.find(new ByteArrayInputStream(stored), dav.url());

        assertThat(links).hasSize(1);
        SmartAttachLink l = links.get(0);
        assertThat(l.url()).isEqualTo(dav.url("Files/Offre été.pdf"));
        assertThat(l.fileName()).isEqualTo("Offre été.pdf");
        assertThat(l.size()).isEqualTo(12345);
        assertThat(l.sha256()).isNull();
        assertThat(l.source()).isEqualTo(SmartAttachLink.Source.HEADER);
    }

    @Test
    void headerFormsGiveUrlNameSizeAndHash() {
        String message = "Subject: files\n"
                + "X-IceWarp-SmartAttach: url=\"" + encoded("https://mail.iwdemo.test/webdav/ticket/a1/Q1.xlsx")
                + "\"; zipid=\"" + encoded("z1") + "\"; size=\"2048\"; hash=\"0cc175b9c0f1b6a831c399e269772661\"; algorithm=\"MD5\"\n"
                + "X-IceWarp-SmartAttach: https://mail.iwdemo.test/webdav/b.bin; name=\"=?UTF-8?Q?pr=C3=A9sentation.ppt?=\";\n"
                + " size=10; sha256=" + SHA.toUpperCase() + "\n"
                + "X-IceWarp-SmartAttach: path=\"Files/notes.txt\"; size=\"abc\"\n"
                + "\n"
                + "body\n";

        List<SmartAttachLink> links = find(message, BASE);

        assertThat(links).extracting(SmartAttachLink::url).containsExactly(
                URI.create("https://mail.iwdemo.test/webdav/ticket/a1/Q1.xlsx"),
                URI.create("https://mail.iwdemo.test/webdav/b.bin"),
                URI.create("https://mail.iwdemo.test/webdav/Files/notes.txt"));
        assertThat(links).extracting(SmartAttachLink::fileName).containsExactly("Q1.xlsx", "présentation.ppt", "notes.txt");
        assertThat(links).extracting(SmartAttachLink::size).containsExactly(2048L, 10L, -1L);
        assertThat(links).extracting(SmartAttachLink::sha256).containsExactly(null, SHA, null);
    }

    @Test
    void bodyLinksCountOnlyUnderTheWebDavBase() {
        String message = "Subject: links\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n"
                + "\n"
                + "--b1\n"
                + "Content-Type: multipart/alternative; boundary=\"b2\"\n"
                + "\n"
                + "--b2\n"
                + "Content-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n"
                + "\n"
                + "See https://mail.iwdemo.test/webdav/Files/Plan%20A.pdf. And (https://mail.iwdemo.test/webdav/x/y.doc)=\n"
                + "\n"
                + "Not ours: https://evil.example/webdav/Files/steal.pdf, nor http://mail.iwdemo.test/webdav/insecure.pdf\n"
                + "--b2\n"
                + "Content-Type: text/html; charset=utf-8\n"
                + "\n"
                + "<a href=\"https://mail.iwdemo.test/webdav/Files/Plan%20A.pdf\">Plan A</a>"
                + "<a href='https://mail.iwdemo.test:443/webdav/z.zip?x=1&amp;y=2'>z</a><a href=\"mailto:a@b\">m</a>\n"
                + "--b2--\n"
                + "--b1\n"
                + "Content-Type: text/plain\n"
                + "Content-Disposition: attachment; filename=\"old.txt\"\n"
                + "\n"
                + "https://mail.iwdemo.test/webdav/in-an-attachment.txt\n"
                + "--b1--\n";

        List<SmartAttachLink> links = find(message, BASE);

        assertThat(links).extracting(l -> l.url().toString()).containsExactly(
                "https://mail.iwdemo.test/webdav/Files/Plan%20A.pdf",
                "https://mail.iwdemo.test/webdav/x/y.doc",
                "https://mail.iwdemo.test:443/webdav/z.zip?x=1&y=2");
        assertThat(links).extracting(SmartAttachLink::fileName).containsExactly("Plan A.pdf", "y.doc", "z.zip");
        assertThat(links).allSatisfy(l -> {
            assertThat(l.source()).isEqualTo(SmartAttachLink.Source.BODY);
            assertThat(l.size()).isEqualTo(-1);
        });
    }

    @Test
    void messagesWithoutOrWithUnusableLinksGiveNone() {
        assertThat(find("Subject: plain\n\nno links at all\n", BASE)).isEmpty();
        assertThat(find("Subject: plain\n\nhttps://mail.iwdemo.test/webdav/a.pdf\n", null)).isEmpty();
        assertThat(find("Subject: odd\n"
                + "X-IceWarp-SmartAttach: \n"
                + "X-IceWarp-SmartAttach: url=\"ftp://mail.iwdemo.test/a.pdf\"\n"
                + "X-IceWarp-SmartAttach: url=\"=?UTF-8?B?!!!notbase64?=\"; size=\"1\"\n"
                + "X-IceWarp-SmartAttach: size=\"12\"; hash=\"abc\"\n"
                + "X-IceWarp-SmartAttach: url=\"https://[broken/x\"\n"
                + "\n"
                + "https://mail.iwdemo.test/webdav/ (the base itself) and https://mail.iwdemo.test/other/a.pdf\n", BASE))
                .isEmpty();
    }

    @Test
    void unreadableMimeIsATypedError() {
        String missingBoundary = "Subject: broken\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n"
                + "no boundary ever comes\n";
        assertThatThrownBy(() -> find(missingBoundary, BASE)).isInstanceOf(SmartAttachException.class)
                .hasMessageContaining("not readable MIME");

        String badBase64 = "Subject: broken\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                + "@@@@ this is not base64 ####\n";
        assertThatThrownBy(() -> find(badBase64, BASE)).isInstanceOf(SmartAttachException.class);
    }
}
