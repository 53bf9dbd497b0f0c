package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync tnef on a Maildir message holding Outlook's sample winmail.dat, and on a damaged one. */
class TnefCliTest {
    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    @Test
    void aMessagesWinmailDatOpensIntoTheProfilesAttachmentsFolder() throws Exception {
        Path dir = tmp.resolve("p");
        Path message = maildirMessage(winmail());

        assertThat(cli.run("tnef", "--dir", dir.toString(), message.toString())).as(cli.err.toString()).isZero();

        Path out = dir.resolve("attachments").resolve("tnef").resolve("1711270800.M1P1.host");
        assertThat(cli.out.toString()).contains("opened into " + out, "quick.txt", "quick.pdf", "message.rtf");
        assertThat(Files.readString(out.resolve("quick.txt"), StandardCharsets.UTF_8))
                .startsWith("The quick brown fox jumps over the lazy dog");

        Path elsewhere = tmp.resolve("elsewhere");
        assertThat(cli.run("tnef", "--dir", dir.toString(), message.toString(), "--out", elsewhere.toString())).isZero();
        assertThat(elsewhere.resolve("quick.doc")).isNotEmptyFile();
    }

    @Test
    void aDamagedWinmailDatIsNamedAndExitsFour() throws Exception {
        byte[] quick = winmail();
        Path message = maildirMessage(Arrays.copyOf(quick, 200));
        assertThat(cli.run("tnef", "--dir", tmp.toString(), message.toString())).isEqualTo(ExitCodes.PROFILE);
        assertThat(cli.err.toString()).contains("winmail.dat", message.getFileName().toString(), "cannot be opened");

        Path plain = tmp.resolve("plain.eml");
        Files.writeString(plain, "From: a@example.org\r\nSubject: hi\r\n\r\nHello\r\n");
        assertThat(cli.run("tnef", "--dir", tmp.toString(), plain.toString())).isZero();
        assertThat(cli.out.toString()).contains("no winmail.dat");
        assertThat(cli.run("tnef", "--dir", tmp.toString(), tmp.resolve("missing.eml").toString()))
                .isEqualTo(ExitCodes.PROFILE);
    }

    private Path maildirMessage(byte[] tnef) throws Exception {
        String b64 = Base64.getMimeEncoder().encodeToString(tnef);
        String mail = "From: Outlook <outlook@example.org>\r\nTo: jean@iwdemo.test\r\nSubject: Rapport\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nVoir la pièce jointe.\r\n"
                + "--b\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n"
                + "Content-Disposition: attachment; filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64 + "\r\n--b--\r\n";
        Path cur = Files.createDirectories(tmp.resolve("mail").resolve("INBOX").resolve("cur"));
        Path file = cur.resolve("1711270800.M1P1.host:2,S");
        Files.writeString(file, mail, StandardCharsets.UTF_8);
        return file;
    }

    /** Apache POI's sample, shipped with sync-client's tests. */
    private static byte[] winmail() throws Exception {
        try (InputStream in = TnefCliTest.class.getResourceAsStream("/tnef/quick-winmail.dat")) {
            assertThat(in).as("sync-client's test resources").isNotNull();
            return in.readAllBytes();
        }
    }
}
