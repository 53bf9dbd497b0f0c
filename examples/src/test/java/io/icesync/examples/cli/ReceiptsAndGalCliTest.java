package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icesync receipts list|answer} and {@code icesync gal refresh}, as a user types them. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class ReceiptsAndGalCliTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    private Path profile(IceWarpServer server) throws IOException {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin", "--smtp", "127.0.0.1:" + server.smtp().port(), "--smtp-security", "starttls"))
                .as(cli.err.toString()).isZero();
        return dir;
    }

    /** What a mail program does on reading: the file moves to cur/ with the S flag. */
    private static void markAllRead(Path inbox) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(inbox.resolve("new")), Files.list(inbox.resolve("cur")))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                int info = name.indexOf(":2,");
                String flags = info < 0 ? "" : name.substring(info + 3);
                if (!flags.contains("S")) {
                    String base = info < 0 ? name : name.substring(0, info);
                    Files.move(f, inbox.resolve("cur").resolve(base + ":2," + flags + "S"));
                }
            }
        }
    }

    @Test
    void aWaitingReceiptIsListedThenSentByItsKey(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(("Return-Path: <anne@iwdemo.test>\r\nMessage-ID: <cli-r1@iwdemo.test>\r\n"
                + "Subject: Budget\r\nDisposition-Notification-To: <anne@iwdemo.test>\r\nFrom: Anne <anne@iwdemo.test>\r\n"
                + "To: Jean <jean@iwdemo.test>\r\nDate: Mon, 24 Mar 2025 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n").getBytes(StandardCharsets.UTF_8));
        Path dir = profile(server);
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        markAllRead(dir.resolve("mail/INBOX"));
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        assertThat(server.sentMail()).as("the default mode asks first").isEmpty();

        assertThat(cli.run("receipts", "list", "--dir", dir.toString(), "--json")).as(cli.err.toString()).isZero();
        JsonNode list = new ObjectMapper().readTree(cli.out.toString()).get("receipts");
        assertThat(list).singleElement().satisfies(r -> {
            assertThat(r.get("key").asText()).isEqualTo("<cli-r1@iwdemo.test>");
            assertThat(r.get("subject").asText()).isEqualTo("Budget");
            assertThat(r.get("notifyTo").get(0).asText()).isEqualTo("anne@iwdemo.test");
        });

        assertThat(cli.run("receipts", "answer", "--dir", dir.toString(), "<nope@x>", "--send")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("receipts", "answer", "--dir", dir.toString(), "<cli-r1@iwdemo.test>", "--send"))
                .as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("sent");
        assertThat(server.sentMail()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly("anne@iwdemo.test"));
        assertThat(cli.run("receipts", "list", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("no read receipt waits");
    }

    @Test
    void galRefreshSyncsTheContactsFoldersAndCountsTheEntries(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        server.account(JEAN).create("Contacts").kind(io.icesync.core.FolderKind.CONTACTS)
                .appendObject(Messages.card("gal-1", "Zoé Lambert"));
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        server.account(JEAN).mailbox("Contacts").appendObject(Messages.card("gal-2", "Yann Morel"));

        assertThat(cli.run("gal", "refresh", "--dir", dir.toString())).as(cli.err.toString()).isZero();

        assertThat(cli.out.toString()).contains("address list refreshed: 2 entries");
        assertThat(cli.run("gal", "search", "Yann", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("Yann Morel");
    }
}
