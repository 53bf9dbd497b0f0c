package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.rules.RulesJson;
import io.icesync.testkit.Faults;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The icesync process as scripts meet it: what reaches its stdout and stderr pipes, and its exit code. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class CliProcessTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path RULES = Path.of("..", "docs", "rules-example.json");

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    @Test
    void rulesExportSieveAndPullPrintToTheRealStdout(IceWarpServer server) throws Exception {
        CliProcess.Result sieve = CliProcess.run("rules", "export-sieve", "--file", RULES.toString());
        assertThat(sieve.exit()).as(sieve.toString()).isZero();
        assertThat(sieve.out()).as(sieve.toString()).contains("require [", "fileinto \"Factures\";", "redirect :copy");

        Path dir = cli.profile(server, tmp);
        String api = server.icewarpApiUrl().toString();
        assertThat(cli.run("rules", "push", "--dir", dir.toString(), "--api", api, "--file", RULES.toString()))
                .as(cli.err.toString()).isEqualTo(ExitCodes.PARTIAL);
        CliProcess.Result pulled = CliProcess.run("rules", "pull", "--dir", dir.toString(), "--api", api);
        assertThat(pulled.exit()).as(pulled.toString()).isZero();
        assertThat(RulesJson.read(pulled.out(), "pulled").responder())
                .isEqualTo(RulesJson.read(Files.readString(RULES), "example").responder());
    }

    @Test
    void everyJsonDocumentParsesAndCarriesItsSchemaVersion(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<a@iwdemo.test>", "Bonjour"));
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        String api = server.icewarpApiUrl().toString();
        assertThat(cli.run("rules", "push", "--dir", d, "--api", api, "--file", RULES.toString())).isEqualTo(1);

        CliProcess.Result sync = CliProcess.run("sync", "--dir", d, "--once", "--json");
        assertThat(sync.exit()).as(sync.toString()).isZero();
        JsonNode report = document(sync);
        assertThat(report.at("/totals/downloaded").asInt()).isEqualTo(1);
        assertThat(report.get("folders")).anySatisfy(f -> assertThat(f.get("folder").asText()).isEqualTo("INBOX"));

        Path pem = tmp.resolve("server.pem");
        List<List<String>> commands = List.of(List.of("status", "--dir", d), List.of("settings", "show", "--dir", d),
                List.of("profile", "show", "--dir", d), List.of("ignored", "list", "--dir", d),
                List.of("attachments", "list", "--dir", d), List.of("folders", "kind", "--dir", d),
                List.of("folders", "names", "--dir", d), List.of("receipts", "list", "--dir", d),
                List.of("trust", "list", "--dir", d), List.of("rules", "list", "--dir", d, "--api", api),
                List.of("responder", "show", "--dir", d, "--api", api),
                List.of("verify", "--imap", "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--user",
                        "jean@iwdemo.test", "--password-env", CliProcess.PASSWORD_ENV, "--trust-cert", pem.toString()));
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.add("--json");
            CliProcess.Result r = CliProcess.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(c + ": " + r).isZero();
            document(r);
        }
        CliProcess.Result trust = CliProcess.run("trust", "list", "--dir", d, "--json");
        assertThat(document(trust).at("/certificates/0/sha256").asText()).matches("[0-9A-F:]{95}");
        CliProcess.Result rules = CliProcess.run("rules", "list", "--dir", d, "--api", api, "--json");
        assertThat(document(rules).at("/rules/0/name").asText()).isEqualTo("Invoices from partners");
    }

    @Test
    void verifyListsTheCapabilitiesInTheSameSortedOrderEveryTime(IceWarpServer server) throws Exception {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        List<JsonNode> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CliProcess.Result r = CliProcess.run("verify", "--imap", "127.0.0.1:" + server.imaps().port(), "--security",
                    "ssl", "--user", "jean@iwdemo.test", "--password-env", CliProcess.PASSWORD_ENV, "--trust-cert",
                    pem.toString(), "--json");
            assertThat(r.exit()).as(r.toString()).isZero();
            runs.add(document(r).get("capabilities"));
        }
        List<String> caps = new ArrayList<>();
        runs.get(0).forEach(c -> caps.add(c.asText()));
        assertThat(caps).contains("IMAP4REV1", "QRESYNC").isSorted();
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void withJsonAFailureIsOneJsonDocumentOnStderrAndNothingOnStdout() throws Exception {
        CliProcess.Result missing = CliProcess.run("status", "--dir", tmp.resolve("nowhere").toString(), "--json");
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(ExitCodes.PROFILE);
        assertThat(missing.out()).isEmpty();
        JsonNode e = JSON.readTree(missing.err());
        assertThat(e.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(e.at("/error/exitCode").asInt()).isEqualTo(ExitCodes.PROFILE);
        assertThat(e.at("/error/kind").asText()).isEqualTo("profile");
        assertThat(e.at("/error/message").asText()).contains("nowhere");

        CliProcess.Result usage = CliProcess.run("status", "--dir", tmp.toString(), "--json", "--no-such-option");
        assertThat(usage.exit()).as(usage.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(JSON.readTree(usage.err()).at("/error/message").asText()).contains("--no-such-option");
    }

    @Test
    void rulesListWithoutAReachableServerExits3(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliProcess.Result r = CliProcess.run("rules", "list", "--dir", dir.toString(), "--sieve", "127.0.0.1:" + closed);
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.SERVER);
        assertThat(r.err()).startsWith("icesync: ").doesNotContain("unexpected error").doesNotContain("secret");
    }

    @Test
    void demoRefusesAMessageCountOutsideItsBounds() throws Exception {
        for (String n : List.of("-1", "100001")) {
            CliProcess.Result r = CliProcess.run("demo", "--messages", n, "--dir", tmp.resolve("d").toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--messages must be between 0 and 100000, got " + n);
        }
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @Test
    void ctrlCCancelsTheCycleSaysSoAndTheNextSyncEndsIt(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<a@iwdemo.test>", "Bonjour"));
        Path dir = cli.profile(server, tmp);
        Faults.Fault hang = server.faults().on("UID FETCH").stall();
        CliProcess.Running sync = CliProcess.start("sync", "--dir", dir.toString(), "--once");
        awaitFired(hang);
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(sync.process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        CliProcess.Result r = sync.await(60);

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.err()).as(r.toString()).contains("icesync: interrupted: cancelling the cycle under way")
                .doesNotContain("unexpected error").doesNotContain("Exception");
        assertThat(r.out() + r.err()).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        assertThat(Files.list(dir.resolve("mail/INBOX/cur"))).hasSize(1);
    }

    @Test
    void sigtermCancelsTheCycleAndExits143(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<a@iwdemo.test>", "Bonjour"));
        Path dir = cli.profile(server, tmp);
        Faults.Fault hang = server.faults().on("UID FETCH").stall();
        CliProcess.Running sync = CliProcess.start("sync", "--dir", dir.toString(), "--once", "--json");
        awaitFired(hang);
        sync.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the pipes
        CliProcess.Result r = sync.await(60);

        assertThat(r.exit()).as(r.toString()).isEqualTo(143);
        assertThat(r.out()).isEmpty();
        assertThat(JSON.readTree(r.err()).at("/error/kind").asText()).as(r.toString()).isEqualTo("interrupted");
    }

    @Test
    void syncThroughAPipeWritesNoControlCharacters(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<a@iwdemo.test>", "Bonjour"));
        Path dir = cli.profile(server, tmp);
        CliProcess.Result r = CliProcess.run("sync", "--dir", dir.toString(), "--once");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("INBOX: 1 downloaded", "1 downloaded, 0 uploaded");
        assertThat(r.out() + r.err()).doesNotContain("\r").doesNotContain("\u001b");
    }

    private static JsonNode document(CliProcess.Result r) throws Exception {
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.isObject()).as(r.toString()).isTrue();
        assertThat(j.fieldNames().next()).as("the first field").isEqualTo("schemaVersion");
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(CliJson.SCHEMA_VERSION);
        return j;
    }

    private static void awaitFired(Faults.Fault f) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (f.fired() == 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(f.fired()).as("the server hung on the sync's fetch").isPositive();
    }
}
