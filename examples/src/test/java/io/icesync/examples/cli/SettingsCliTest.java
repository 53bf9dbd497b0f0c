package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.client.IceSync;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync settings show|set and profile show on a profile folder made on the testkit server. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SettingsCliTest {
    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    @Test
    void setChecksTheValueSavesItAndShowPrintsItBack(IceWarpServer server) throws Exception {
        String d = cli.profile(server, tmp).toString();

        assertThat(cli.run("settings", "set", "--dir", d, "galInterval", "90")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("galIntervalMinutes = 90 (from the next sync)");
        assertThat(cli.run("settings", "set", "--dir", d, "syncAfterLocalChange", "TRUE")).isZero();
        assertThat(cli.run("settings", "set", "--dir", d, "conflictPolicy", "client_wins")).isZero();
        assertThat(cli.run("settings", "set", "--dir", d, "folderSelections", "{\"INBOX\":\"PRIORITY\"}")).isZero();
        var saved = IceSync.readProfile(Path.of(d)).settings();
        assertThat(saved.galInterval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(saved.syncAfterLocalChange()).isTrue();

        assertThat(cli.run("settings", "set", "--dir", d, "folderSyncThreshold", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("folderSyncThreshold: 0 items is below the minimum of 1 items");
        assertThat(cli.run("settings", "set", "--dir", d, "galIntervalMinutes", "2h")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("galIntervalMinutes: \"2h\" is not a value of this setting; "
                + "expected 60 to 10080 (whole minutes)");
        assertThat(cli.run("settings", "set", "--dir", d, "standardInterval", "5")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("standardIntervalMinutes: 5 minutes is below the minimum of 10 minutes");
        assertThat(cli.run("settings", "set", "--dir", d, "downloadMode", "partial")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("downloadMode: expected one of [HEADERS_ONLY, FULL, CUSTOM]");
        assertThat(cli.run("settings", "set", "--dir", d, "syncAfterLocalChang", "true")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown setting; did you mean \"syncAfterLocalChange\"?");
        assertThat(IceSync.readProfile(Path.of(d)).settings()).as("nothing refused was saved").isEqualTo(saved);

        assertThat(cli.run("settings", "show", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("galIntervalMinutes", "90", "(60 to 10080 (whole minutes))",
                "syncAfterLocalChange", "\"CLIENT_WINS\"  (one of SERVER_WINS, CLIENT_WINS)", "{\"INBOX\":\"PRIORITY\"}")
                .doesNotContain("locked");
        assertThat(cli.run("settings", "show", "--dir", d, "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(cli.out.toString());
        assertThat(j.get("settings")).hasSize(25);
        assertThat(j.findValuesAsText("name")).contains("logLevel", "deleteLogsAfterDays", "hideNewMailAfterSeconds",
                "readReceipts", "syncSignature", "autoFetchAttachmentsMb");
        assertThat(j.at("/settings/3/name").asText()).isEqualTo("galIntervalMinutes");
        assertThat(j.at("/settings/3/value").asInt()).isEqualTo(90);
        assertThat(j.at("/settings/3/locked").asBoolean()).isFalse();
    }

    @Test
    void aSettingThePolicyLocksIsShownLockedAndRefused(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        Files.writeString(dir.resolve(IceSync.POLICY_FILE),
                "{\"DOMAIN\": {\"forced\": {\"standardIntervalMinutes\": 30}, \"defaults\": {\"galSync\": true}}}");

        assertThat(cli.run("settings", "set", "--dir", d, "standardInterval", "20")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("standardIntervalMinutes is locked by the domain policy",
                IceSync.POLICY_FILE);
        assertThat(IceSync.readProfile(dir).settings().standardInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(cli.run("settings", "set", "--dir", d, "galSync", "false")).as("a policy default is no lock").isZero();

        assertThat(cli.run("settings", "show", "--dir", d)).isZero();
        assertThat(cli.out.toString()).containsPattern("standardIntervalMinutes +30  \\[locked by the domain policy\\]");
        assertThat(cli.run("profile", "show", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("others every 30 min", "locked by policy: standardIntervalMinutes");

        Files.writeString(dir.resolve(IceSync.POLICY_FILE), "{\"DOMAIN\": {\"forced\": {\"standardInterval\": 30}}}");
        assertThat(cli.run("settings", "show", "--dir", d)).isEqualTo(4);
        assertThat(cli.err.toString()).contains(IceSync.POLICY_FILE + ": standardInterval: unknown setting");
    }

    @Test
    void profileShowSaysWhatTheFolderHoldsButNeverThePassword(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        assertThat(cli.run("folders", "kind", "Adressen", "contacts", "--dir", d)).isZero();
        assertThat(cli.run("sync", "--dir", d, "--once")).as(cli.err.toString()).isZero();

        assertThat(cli.run("profile", "show", "--dir", d)).isZero();
        String text = cli.out.toString();
        assertThat(text).contains("account:      jean@iwdemo.test (login jean@iwdemo.test)",
                "imap:         127.0.0.1:" + server.imaps().port(), "security:     ssl",
                "folder tree every 60 min, priority folders every 1 min, others every 10 min",
                "sync after a local change: off", "folder kind:  Adressen contacts", "folder names: IceWarp's",
                "certificate:  " + io.icesync.core.spi.CertificateTrust.sha256(server.certificate()));
        assertThat(text).doesNotContain("secret");

        assertThat(cli.run("profile", "show", "--dir", d, "--json")).isZero();
        assertThat(cli.out.toString()).doesNotContain("secret");
        JsonNode j = new ObjectMapper().readTree(cli.out.toString());
        assertThat(j.at("/imap/port").asInt()).isEqualTo(server.imaps().port());
        assertThat(j.at("/imap/security").asText()).isEqualTo("ssl");
        assertThat(j.at("/settings/standardIntervalMinutes").asInt()).isEqualTo(10);
        assertThat(j.at("/folderKinds/Adressen").asText()).isEqualTo("CONTACTS");
        assertThat(j.at("/syncedKinds/INBOX").asText()).isEqualTo("MAIL");
        assertThat(j.at("/certificates/0/sha256").asText())
                .isEqualTo(io.icesync.core.spi.CertificateTrust.sha256(server.certificate()));

        assertThat(cli.run("profile", "show", "--dir", tmp.resolve("nothing").toString())).isEqualTo(4);
        assertThat(cli.err.toString()).contains("no profile in");
    }
}
