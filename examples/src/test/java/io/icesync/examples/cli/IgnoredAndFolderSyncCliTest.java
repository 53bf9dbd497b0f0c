package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.client.IceSync;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync ignored list|clear and icesync sync --once --folder on a profile folder made on the testkit server. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class IgnoredAndFolderSyncCliTest {
    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    /** Three failures of one item, as three cycles that could not fetch it would leave them. */
    static void failThreeTimes(Path dir, String folder, String key) {
        try (SyncStateStore s = StateStores.sqlite(dir.resolve(IceSync.STATE_FILE))) {
            for (int i = 0; i < 3; i++) {
                s.recordFailure(FolderPath.of(folder), key, "message <x@iwdemo.test>", "the server said NO");
            }
            s.recordFailure(FolderPath.of("INBOX"), "uid:7", "message <y@iwdemo.test>", "once only");
        }
    }

    @Test
    void ignoredItemsAreListedThenForgottenFolderByFolder(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").create("Projets");
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        assertThat(cli.run("sync", "--dir", d, "--once")).as(cli.err.toString()).isZero();
        assertThat(cli.run("ignored", "list", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("no ignored item");
        failThreeTimes(dir, "Projets", "uid:42");
        failThreeTimes(dir, "INBOX", "uid:43");

        assertThat(cli.run("ignored", "list", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("Projets  uid:42  message <x@iwdemo.test>  x3",
                "INBOX  uid:43", "the server said NO").doesNotContain("uid:7");
        assertThat(cli.run("ignored", "list", "--dir", d, "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(cli.out.toString()).get("ignored");
        assertThat(j).hasSize(2);
        assertThat(j.findValuesAsText("item")).containsExactlyInAnyOrder("uid:42", "uid:43");

        assertThat(cli.run("ignored", "clear", "--dir", d, "--folder", "Projets")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("forgot 1 ignored item in Projets; the next sync tries again");
        assertThat(cli.run("ignored", "list", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("INBOX  uid:43").doesNotContain("uid:42");
        assertThat(cli.run("ignored", "clear", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("forgot 1 ignored item;");
        assertThat(IceSync.status(dir, 0).failures()).as("the once-failed item is forgotten too").isEmpty();
        assertThat(cli.run("ignored", "clear", "--dir", d, "--folder", "")).isEqualTo(2);
    }

    @Test
    void syncFolderSyncsOnlyThatFolderAndAnUnknownOneExitsWith6(IceWarpServer server) throws Exception {
        var a = server.account("jean@iwdemo.test");
        var projets = a.create("Projets");
        var archive = a.create("Archive");
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        assertThat(cli.run("sync", "--dir", d, "--once", "--folder", "Projets")).isEqualTo(6);
        assertThat(cli.err.toString()).contains("no synced folder \"Projets\" in " + d,
                "run icesync sync --dir " + d + " --once first");
        assertThat(cli.run("sync", "--dir", d, "--once")).as(cli.err.toString()).isZero();
        projets.append(Messages.simple("<p@iwdemo.test>", "For Projets"));
        archive.append(Messages.simple("<a@iwdemo.test>", "For Archive"));

        assertThat(cli.run("sync", "--dir", d, "--once", "--folder", "Projets")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Projets: 1 downloaded").doesNotContain("Archive");
        assertThat(Files.list(dir.resolve("mail/Projets/cur"))).hasSize(1);
        assertThat(Files.list(dir.resolve("mail/Archive/cur"))).as("not synced this time").isEmpty();

        assertThat(cli.run("sync", "--dir", d, "--once", "--folder", "Projets", "--folder", "Archiv")).isEqualTo(6);
        assertThat(cli.err.toString()).contains("no synced folder \"Archiv\"", "the synced folders: Archive, INBOX, Projets");
        assertThat(cli.run("sync", "--dir", d, "--folder", "Projets")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--folder works with --once only");
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out.toString()).contains("6    a --folder of icesync sync names no folder");
    }
}
