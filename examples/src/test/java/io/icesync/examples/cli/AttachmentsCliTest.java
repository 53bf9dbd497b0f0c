package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.core.FolderKind;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestWebDav;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync attachments list and fetch, as a user runs them after a sync, in text and JSON. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class AttachmentsCliTest {
    private static final String JEAN = "jean@iwdemo.test";
    private static final byte[] REPORT = random(5_000, 1);
    private static final byte[] AGENDA = random(40_000, 2);

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A synced profile whose INBOX has a SmartAttach message (report.pdf) and Calendar an event with agenda.pdf. */
    private Path synced(IceWarpServer server, String reportSha256) throws Exception {
        TestWebDav dav = server.webdav();
        dav.files(JEAN).put("Docs/report.pdf", REPORT);
        dav.files(JEAN).put("Shared/agenda.pdf", AGENDA);
        String mail = new String(dav.smartAttachMessage(JEAN, "Docs/report.pdf"), StandardCharsets.UTF_8);
        if (reportSha256 != null) {
            mail = mail.replace("algorithm=\"MD5\"", "algorithm=\"MD5\"; sha256=\"" + reportSha256 + "\"");
        }
        server.account(JEAN).mailbox("INBOX").append(mail.getBytes(StandardCharsets.UTF_8));
        server.account(JEAN).create("Calendar").kind(FolderKind.EVENTS).appendObject(Messages.event("ev1", "Budget review")
                .replace("SUMMARY:", "ATTACH;FILENAME=agenda.pdf:" + dav.url("Shared/agenda.pdf") + "\r\nSUMMARY:"));

        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--smartattach", dav.url().toString(), "--password-stdin")).as(cli.err.toString()).isZero();
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        return dir;
    }

    private JsonNode listJson(Path dir) throws Exception {
        assertThat(cli.run("attachments", "list", "--dir", dir.toString(), "--json")).as(cli.err.toString()).isZero();
        return new ObjectMapper().readTree(cli.out.toString()).get("attachments");
    }

    private static JsonNode named(JsonNode links, String fileName) {
        for (JsonNode n : links) {
            if (n.get("fileName").asText().equals(fileName)) {
                return n;
            }
        }
        throw new AssertionError("no link " + fileName + " in " + links);
    }

    @Test
    void listShowsTheLinksOfTheSyncAndFetchBringsOneThenTheRest(IceWarpServer server) throws Exception {
        Path dir = synced(server, null);

        assertThat(cli.run("attachments", "list", "--dir", dir.toString())).as(cli.err.toString()).isZero();
        String text = cli.out.toString();
        assertThat(text.lines()).hasSize(2);
        assertThat(text).contains("not fetched  INBOX  report.pdf  4.9 KiB  File: report.pdf")
                .contains("not fetched  Calendar  agenda.pdf  ?  Budget review");

        JsonNode links = listJson(dir);
        assertThat(links).hasSize(2);
        JsonNode report = named(links, "report.pdf");
        assertThat(report.get("state").asText()).isEqualTo("NOT_FETCHED");
        assertThat(report.get("folder").asText()).isEqualTo("INBOX");
        assertThat(report.get("size").asLong()).isEqualTo(REPORT.length);
        assertThat(report.get("url").asText()).isEqualTo(server.webdav().url("Docs/report.pdf").toString());
        assertThat(named(links, "agenda.pdf").get("item").asText()).isEqualTo("ev1");

        String id = report.get("id").asText();
        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), id)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).startsWith(id + "  fetched  INBOX  report.pdf").contains("-> ");
        JsonNode after = named(listJson(dir), "report.pdf");
        assertThat(after.get("state").asText()).isEqualTo("FETCHED");
        assertThat(Path.of(after.get("file").asText())).startsWith(dir.resolve("attachments")).hasBinaryContent(REPORT);

        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), "--all", "--json")).as(cli.err.toString()).isZero();
        JsonNode fetched = new ObjectMapper().readTree(cli.out.toString()).get("attachments");
        assertThat(fetched).as("only what was not fetched yet").hasSize(1);
        assertThat(fetched.get(0).get("fileName").asText()).isEqualTo("agenda.pdf");
        assertThat(fetched.get(0).get("state").asText()).isEqualTo("FETCHED");
        assertThat(Path.of(fetched.get(0).get("file").asText())).hasBinaryContent(AGENDA);

        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), "--all")).isZero();
        assertThat(cli.out.toString()).contains("nothing to fetch");
    }

    @Test
    void aWrongHashExitsOneAndIsListedWithItsReason(IceWarpServer server) throws Exception {
        String wrong = "ab".repeat(32);
        Path dir = synced(server, wrong);
        String id = named(listJson(dir), "report.pdf").get("id").asText();

        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), id)).isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.err.toString()).contains("icesync: attachment " + id).contains(wrong);

        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), "--all", "--json")).isEqualTo(ExitCodes.PARTIAL);
        JsonNode report = named(new ObjectMapper().readTree(cli.out.toString()).get("attachments"), "report.pdf");
        assertThat(report.get("state").asText()).isEqualTo("FAILED");
        assertThat(report.get("error").asText()).contains(wrong);
        assertThat(report.get("file").isNull()).isTrue();

        assertThat(cli.run("attachments", "list", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains(id + "  failed  INBOX  report.pdf").contains("expected " + wrong);
    }

    @Test
    void wrongUsageIsExitTwo(IceWarpServer server) throws Exception {
        Path dir = synced(server, null);
        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("give the id of one link, or --all");
        assertThat(cli.run("attachments", "fetch", "--dir", dir.toString(), "0000beef")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("no attachment link has the id '0000beef'");
        assertThat(cli.run("attachments", "list", "--dir", tmp.resolve("none").toString())).isEqualTo(ExitCodes.PROFILE);
    }
}
