package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icesync send} queues, {@code sync --once} or {@code --now} sends, {@code status} shows what waits. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class SendCliTest {
    @TempDir
    Path tmp;

    @Test
    void aQueuedMessageWaitsInStatusAndLeavesOnTheNextSync(IceWarpServer server) throws Exception {
        CliRun cli = new CliRun();
        Path dir = profile(cli, server);
        Path eml = eml("anne@iwdemo.test", "Agenda");

        assertThat(cli.run("send", "--dir", dir.toString(), eml.toString())).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("queued <", "next icesync sync");
        assertThat(cli.run("status", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("outbox:      1 messages waiting", "\"Agenda\" to anne@iwdemo.test", "queued");
        assertThat(server.sentMail()).isEmpty();

        assertThat(cli.run("sync", "--dir", dir.toString(), "--once", "-q")).as(cli.err.toString()).isZero();

        assertThat(server.sentMail()).singleElement().satisfies(m -> assertThat(m.text()).contains("Subject: Agenda"));
        assertThat(server.account("jean@iwdemo.test").mailbox("Sent").size()).isEqualTo(1);
        assertThat(cli.run("status", "--dir", dir.toString(), "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out.toString()).get("outbox")).isEmpty();
    }

    @Test
    void nowSendsAtOnceAndARefusedRecipientShowsInStatusJson(IceWarpServer server) throws Exception {
        CliRun cli = new CliRun();
        Path dir = profile(cli, server);

        assertThat(cli.run("send", "--dir", dir.toString(), "--now", eml("anne@iwdemo.test", "Now").toString()))
                .as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("sent <");
        assertThat(server.sentMail()).hasSize(1);

        assertThat(cli.run("send", "--dir", dir.toString(), "--now", eml("rejected@example.org", "Refused").toString()))
                .isEqualTo(1);
        assertThat(cli.err.toString()).contains("not sent yet", "rejected@example.org");
        assertThat(cli.run("status", "--dir", dir.toString(), "--json")).isZero();
        JsonNode waiting = new ObjectMapper().readTree(cli.out.toString()).get("outbox");
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("subject").asText()).isEqualTo("Refused");
        assertThat(waiting.get(0).get("failures").asInt()).isEqualTo(1);
        assertThat(waiting.get(0).get("reason").asText()).contains("refused the recipient rejected@example.org");
        assertThat(server.sentMail()).hasSize(1);
    }

    @Test
    void aFileWithoutRecipientsIsRefusedAndNothingIsQueued(IceWarpServer server) throws Exception {
        CliRun cli = new CliRun();
        Path dir = profile(cli, server);
        Path eml = Files.writeString(tmp.resolve("none.eml"), "Subject: none\r\n\r\nbody\r\n");

        assertThat(cli.run("send", "--dir", dir.toString(), eml.toString())).isEqualTo(4);
        assertThat(cli.err.toString()).contains("no recipient in To, Cc or Bcc");
        assertThat(cli.run("send", "--dir", dir.toString(), tmp.resolve("missing.eml").toString())).isEqualTo(4);
        assertThat(cli.err.toString()).contains("no such file");
        assertThat(dir.resolve("mail/Outbox/new")).doesNotExist();
    }

    private Path profile(CliRun cli, IceWarpServer server) throws Exception {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", "jean@iwdemo.test", "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin", "--smtp", "127.0.0.1:" + server.smtp().port(), "--smtp-security", "starttls"))
                .as(cli.err.toString()).isZero();
        return dir;
    }

    private Path eml(String to, String subject) throws Exception {
        return Files.write(tmp.resolve(subject + ".eml"), ("From: Jean <jean@iwdemo.test>\nTo: " + to + "\nSubject: "
                + subject + "\nMIME-Version: 1.0\nContent-Type: text/plain\n\nHello.\n").getBytes(StandardCharsets.UTF_8));
    }
}
