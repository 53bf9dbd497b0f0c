package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules test and rules export-sieve: no server needed. */
class RulesCliTest {
    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new IceSyncCli().execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aDryRunShowsTheMatchingRulesTheirActionsAndTheReply() throws Exception {
        Path rules = Path.of("..", "docs", "rules-example.json");
        Path msg = tmp.resolve("m.eml");
        Files.writeString(msg, "From: Anne <anne@partner.example>\r\nTo: jean@iwdemo.test\r\nSubject: Facture 7\r\n\r\nHi\r\n");
        Path ctx = tmp.resolve("ctx.json");
        Files.writeString(ctx, "{\"account\": \"jean@iwdemo.test\", \"localTime\": \"2026-07-10T10:00:00\"}");
        assertThat(run("rules", "test", "--file", rules.toString(), "--message", msg.toString(), "--context", ctx.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("rule 1 \"Invoices from partners\" matches:", "MoveTo[folder=Factures]",
                "Facture 7 from Anne", "processing stops after \"Invoices from partners\"",
                "forwarded to jean.mobile@example.org (a copy kept)", "auto-reply to anne@partner.example: Absent: Facture 7");
    }

    @Test
    void exportSieveWritesTheScriptAndListsWhatSieveCannotSay() throws Exception {
        assertThat(run("rules", "export-sieve", "--file", Path.of("..", "docs", "rules-example.json").toString())).isZero();
        assertThat(out.toString()).contains("require [", "fileinto \"Factures\"", "vacation :days 7");
        assertThat(err.toString()).contains("not in Sieve: responder:");
    }

    @Test
    void aBadRulesFileIsAUsageErrorNamingThePlace() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\":1,\"rules\":[{\"name\":\"x\",\"when\":{\"if\":\"all\"},\"then\":[{\"do\":\"moveTo\",\"folder\":\"\"}]}]}");
        assertThat(run("rules", "export-sieve", "--file", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.json: rules[0].then[0]", "target folder is empty");
    }
}
