package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.core.FolderKind;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.WebDavFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit playing a whole IceWarp account (mail, typed groupware folders, WebDAV documents, a
 * SmartAttach message, an event with an attachment link, a read-receipt request) synced by one profile
 * with the CLI: one {@code sync --once} brings everything down, edits of every kind on both sides go
 * both ways on the next, and a third has nothing to do.
 */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class FullAccountCliTest {
    private static final String JEAN = "jean@iwdemo.test";
    private static final byte[] REPORT = "%PDF-1.4 the report".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AGENDA = "%PDF-1.4 the agenda".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    private static byte[] receiptRequest() {
        return ("Return-Path: <anne@iwdemo.test>\r\nMessage-ID: <full-r1@iwdemo.test>\r\nSubject: Budget\r\n"
                + "Disposition-Notification-To: <anne@iwdemo.test>\r\nFrom: Anne <anne@iwdemo.test>\r\n"
                + "To: Jean <jean@iwdemo.test>\r\nDate: Mon, 24 Mar 2025 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void seed(IceWarpServer server) {
        WebDavFiles files = server.webdav().files(JEAN);
        files.delete("");
        files.put("Docs/report.pdf", REPORT);
        files.put("Shared/agenda.pdf", AGENDA);
        files.put("Projets/Été/plan.txt", "plan v1".getBytes(StandardCharsets.UTF_8));
        TestAccount a = server.account(JEAN);
        a.mailbox("INBOX").append(Messages.simple("<full-1@iwdemo.test>", "Bonjour"));
        a.mailbox("INBOX").append(receiptRequest());
        a.mailbox("INBOX").append(server.webdav().smartAttachMessage(JEAN, "Docs/report.pdf"));
        String event = Messages.event("ev-full", "Revue budget").replace("SUMMARY:", "ATTACH;FILENAME=agenda.pdf;SIZE="
                + AGENDA.length + ":" + server.webdav().url("Shared/agenda.pdf") + "\r\nSUMMARY:");
        a.create("Calendar").kind(FolderKind.EVENTS).appendObject(event);
        a.create("Contacts").kind(FolderKind.CONTACTS).appendObject(Messages.card("ct-full", "Zoé Lambert"));
    }

    private Path profile(IceWarpServer server) throws IOException {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin", "--smtp", "127.0.0.1:" + server.smtp().port(), "--smtp-security", "starttls",
                "--documents", server.webdav().url().toString(), "--smartattach", server.webdav().url().toString()))
                .as(cli.err.toString()).isZero();
        return dir;
    }

    private static List<String> files(Path root, String ext) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && (ext.isEmpty() || n.endsWith(ext))).sorted().toList();
        }
    }

    private static List<Path> mail(Path inbox) throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(inbox.resolve("new")), Files.list(inbox.resolve("cur")))) {
            return s.toList();
        }
    }

    private int sync(Path dir) {
        return cli.run("sync", "--dir", dir.toString(), "--once");
    }

    @Test
    void oneSyncBringsTheWholeAccountAndEditsOfEveryKindGoBothWays(IceWarpServer server) throws Exception {
        seed(server);
        Path dir = profile(server);

        assertThat(sync(dir)).as(cli.err.toString()).isZero();

        Path inbox = dir.resolve("mail/INBOX");
        assertThat(mail(inbox)).hasSize(3);
        assertThat(files(dir.resolve("groupware/Calendar"), ".ics")).hasSize(1);
        assertThat(files(dir.resolve("groupware/Contacts"), ".vcf")).hasSize(1);
        assertThat(Files.readString(dir.resolve("documents/Files/Projets/Été/plan.txt"))).isEqualTo("plan v1");
        assertThat(cli.run("attachments", "list", "--dir", dir.toString(), "--json")).as(cli.err.toString()).isZero();
        JsonNode links = new ObjectMapper().readTree(cli.out.toString()).get("attachments");
        assertThat(links).extracting(l -> l.get("fileName").asText()).containsExactlyInAnyOrder("report.pdf", "agenda.pdf");
        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), "--all")).as(cli.err.toString()).isZero();
        assertThat(files(dir.resolve("attachments"), ".pdf")).containsExactlyInAnyOrder("report.pdf", "agenda.pdf");

        // Both sides change every kind.
        TestAccount a = server.account(JEAN);
        a.mailbox("INBOX").append(Messages.simple("<full-2@iwdemo.test>", "Nouveau"));
        a.mailbox("Calendar").appendObject(Messages.event("ev-server", "Atelier"));
        server.webdav().files(JEAN).put("Projets/Été/plan.txt", "plan v2".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("groupware/Contacts/ct-local.vcf"), Messages.card("ct-local", "Paul Martin"));
        Files.writeString(dir.resolve("documents/Files/Projets/Été/notes.txt"), "écrit ici");
        for (Path f : mail(inbox)) {
            if (Files.readString(f, StandardCharsets.ISO_8859_1).contains("full-r1@iwdemo.test")) {
                String name = f.getFileName().toString();
                String base = name.contains(":2,") ? name.substring(0, name.indexOf(":2,")) : name;
                Files.move(f, inbox.resolve("cur").resolve(base + ":2,S"));
            }
        }

        assertThat(sync(dir)).as(cli.err.toString()).isZero();

        assertThat(mail(inbox)).hasSize(4);
        assertThat(files(dir.resolve("groupware/Calendar"), ".ics")).hasSize(2);
        assertThat(Files.readString(dir.resolve("documents/Files/Projets/Été/plan.txt"))).isEqualTo("plan v2");
        assertThat(a.mailbox("Contacts").messages()).hasSize(2);
        assertThat(new String(server.webdav().files(JEAN).get("Projets/Été/notes.txt").orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo("écrit ici");
        assertThat(a.mailbox("INBOX").byMessageId("<full-r1@iwdemo.test>").get(0).flags()).contains("\\Seen");
        assertThat(cli.run("receipts", "list", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("<full-r1@iwdemo.test>", "Budget");
        assertThat(cli.run("receipts", "answer", "--dir", dir.toString(), "<full-r1@iwdemo.test>", "--send")).isZero();
        assertThat(server.sentMail()).singleElement()
                .satisfies(m -> assertThat(m.recipients()).containsExactly("anne@iwdemo.test"));

        assertThat(sync(dir)).as(cli.err.toString()).isZero();
        assertThat(cli.run("status", "--dir", dir.toString(), "--json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out.toString());
        assertThat(status.at("/lastCycle/summary").asText()).as("a third sync has nothing to do")
                .contains("0 downloaded, 0 uploaded, 0 flag changes, 0 deleted");
        assertThat(status.get("services")).extracting(n -> n.get("name").asText()).containsExactly("mail", "documents");
    }
}
