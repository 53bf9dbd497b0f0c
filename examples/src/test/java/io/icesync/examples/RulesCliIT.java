package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.examples.cli.IceSyncCli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** rules push, list and pull through the CLI against Dovecot's ManageSieve. */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class RulesCliIT {
    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)));
            return new IceSyncCli().execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void pushListAndPullTheDocumentedRules() throws Exception {
        Path cert = io.icesync.testkit.Peers.file("dovecot", "cert.pem");
        Path dir = tmp.resolve("p");
        assertThat(run("profile", "create", "--dir", dir.toString(), "--email", "josephine@iwdemo.test", "--imap",
                "127.0.0.1:10143", "--security", "starttls", "--trust-cert", cert.toString(), "--password-stdin"))
                .as(err.toString()).isZero();
        Path rules = Path.of("..", "docs", "rules-example.json");
        assertThat(run("rules", "push", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190", "--file", rules.toString()))
                .as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("rules pushed; the server's language could not hold:");
        out.getBuffer().setLength(0);
        assertThat(run("rules", "list", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190")).isZero();
        assertThat(out.toString()).contains("1. [on]  Invoices from partners", "2. [off] Every condition kind",
                "auto-responder: again_after_days");
        out.getBuffer().setLength(0);
        assertThat(run("rules", "pull", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190")).isZero();
        assertThat(io.icesync.rules.RulesJson.read(out.toString(), "pulled"))
                .isEqualTo(io.icesync.rules.RulesJson.read(Files.readString(rules), "example"));

        out.getBuffer().setLength(0);
        assertThat(run("responder", "set", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190", "--mode", "once",
                "--until", "2099-12-31", "--subject", "Absent: %%Subject%%", "--text", "Back in January."))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("auto-responder set to once", "once a year");
        out.getBuffer().setLength(0);
        assertThat(run("responder", "show", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190")).isZero();
        assertThat(out.toString()).contains("mode: once_per_sender", "to 2099-12-31", "Back in January.");
        out.getBuffer().setLength(0);
        assertThat(run("rules", "list", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190")).isZero();
        assertThat(out.toString()).as("the rules stay").contains("1. [on]  Invoices from partners");
        assertThat(run("responder", "set", "--dir", dir.toString(), "--sieve", "127.0.0.1:14190", "--mode", "often",
                "--text", "x")).isNotZero();
    }
}
