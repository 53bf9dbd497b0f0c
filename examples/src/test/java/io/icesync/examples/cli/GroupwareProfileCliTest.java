package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GroupWare profile made with the CLI: mail over POP3 into DIR/mail/INBOX on sync --once. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class GroupwareProfileCliTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    @Test
    void profileCreateWithPop3MakesAGroupwareProfileWhoseMailArrivesOverPop3(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<cli@x>", "over POP3"));
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                "127.0.0.1:" + server.imap().port(), "--security", "plain", "--trust-cert", pem.toString(),
                "--password-stdin", "--pop3", "127.0.0.1:" + server.pop3s().port(), "--pop3-security", "ssl",
                "--delete-after-days", "3", "--pop3-listener-port", "0")).as(cli.err.toString()).isZero();

        assertThat(cli.run("profile", "show", "--dir", dir.toString(), "--json")).as(cli.err.toString()).isZero();
        JsonNode shown = new ObjectMapper().readTree(cli.out.toString());
        assertThat(shown.at("/services/pop3/port").asInt()).isEqualTo(server.pop3s().port());
        assertThat(shown.at("/services/pop3/deleteAfterDays").asInt()).isEqualTo(3);
        assertThat(cli.run("profile", "show", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("over POP3 from 127.0.0.1:" + server.pop3s().port(),
                "deleted from the server 3 days after download", "pop3 listener: none");

        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("mail/INBOX/cur"))) {
            assertThat(files.toList()).singleElement()
                    .satisfies(f -> assertThat(Files.readString(f)).contains("Message-ID: <cli@x>"));
        }
    }

    @Test
    void pop3OptionsWithoutAServerOrThatContradictEachOtherAreRefused() {
        Path dir = tmp.resolve("bad");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap", "127.0.0.1:143",
                "--security", "plain", "--password-stdin", "--delete-after-days", "3")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("need --pop3 HOST:PORT");
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap", "127.0.0.1:143",
                "--security", "plain", "--password-stdin", "--pop3", "127.0.0.1:995", "--leave-on-server",
                "--delete-after-days", "3")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("exclude each other");
        assertThat(dir.resolve("profile.json")).doesNotExist();
    }
}
