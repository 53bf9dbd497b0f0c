package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.client.FakeServer;
import io.icesync.client.IceSync;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncCounters;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it, in this process: real profile folders (profile.json, secrets.json,
 * state.db, Maildir) and a fake server given through the facade's builder.
 */
class IceSyncCliTest {
    static final String PASSWORD = "pa55-w0rd-never-in-profile";

    @TempDir
    Path tmp;

    final FakeServer server = new FakeServer();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private final IceSyncCli.Opener fake = (dir, firstSync) ->
            IceSync.builder().directory(dir).remote(server.remote()).firstSync(firstSync).build();

    private int run(String... args) {
        return new IceSyncCli(fake).execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int createProfile(Path dir) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            return run("profile", "create", "--dir", dir.toString(), "--email", "jean@iwdemo.test",
                    "--imap", "127.0.0.1:10143", "--security", "plain", "--password-stdin");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("profile", "sync", "status", "demo", "Exit codes:",
                "1    the sync finished, but some items or folders failed",
                "2    wrong usage", "3    login refused, server unreachable or its certificate not trusted",
                "70    an internal error", "130   stopped by SIGINT (Ctrl-C)", "143   stopped by SIGTERM");
    }

    @Test
    void profileCreateWritesAProfileWithoutThePassword() throws Exception {
        Path dir = tmp.resolve("jean");
        assertThat(createProfile(dir)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("profile created in " + dir + " for jean@iwdemo.test on 127.0.0.1:10143 (plain)");
        String profile = Files.readString(dir.resolve("profile.json"));
        assertThat(profile).contains("\"email\" : \"jean@iwdemo.test\"").doesNotContain(PASSWORD);
        Path secrets = dir.resolve("secrets.json");
        assertThat(Files.readString(secrets)).contains(PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run("sync")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--dir=DIR'");
        assertThat(run("profile", "create", "--dir", tmp.toString(), "--email", "jean@iwdemo.test", "--imap",
                "h:143", "--security", "starttls", "--password-env", "ICESYNC_TEST_SURELY_UNSET_VARIABLE")).isEqualTo(2);
        assertThat(err.toString()).contains("ICESYNC_TEST_SURELY_UNSET_VARIABLE is not set or empty");
        assertThat(run("profile", "create", "--dir", tmp.toString(), "--email", "jean@iwdemo.test", "--imap",
                "h:143", "--security", "tls", "--password-env", "X")).isEqualTo(2);
        assertThat(run("sync", "--dir", tmp.toString(), "--all")).isEqualTo(2);
        assertThat(err.toString()).contains("--all works with --once only");
    }

    @Test
    void syncOncePrintsOneLinePerFolderAndASummaryThenStatusShowsIt() throws Exception {
        server.folder("Projets/Été 2026").folder("Archive");
        server.add("INBOX", "<a@iwdemo.test>", Flags.of(Flag.SEEN));
        server.add("INBOX", "<b@iwdemo.test>", Flags.NONE);
        server.add("Projets/Été 2026", "<c@iwdemo.test>", Flags.NONE);
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        out.getBuffer().setLength(0);

        assertThat(run("sync", "--dir", dir.toString(), "--once")).as(err.toString()).isZero();

        String text = out.toString();
        assertThat(text).contains("folder created locally: Projets/Été 2026",
                "INBOX: 2 downloaded, 0 uploaded, 0 flag changes, 0 deleted, 0 moved",
                "Archive: 0 downloaded, 0 uploaded", "Projets/Été 2026: 1 downloaded",
                "4 folders, 3 downloaded, 0 uploaded, 0 flag changes, 0 deleted, 0 moved, 0 failed");
        assertThat(err.toString()).isEmpty();
        assertThat(Files.list(dir.resolve("mail/INBOX/cur")).count()).isEqualTo(2);

        out.getBuffer().setLength(0);
        assertThat(run("status", "--dir", dir.toString(), "--json")).isZero();
        JsonNode s = new ObjectMapper().readTree(out.toString());
        assertThat(s.get("items").asLong()).isEqualTo(3);
        assertThat(s.get("account").asText()).isEqualTo("jean@iwdemo.test on 127.0.0.1:10143 (plain)");
        assertThat(s.at("/lastCycle/ok").asBoolean()).isTrue();
        assertThat(s.at("/lastCycle/kind").asText()).isEqualTo("full");
        assertThat(s.at("/lastCycle/counters/text").asText()).isEqualTo(new SyncCounters(3, 3, 0, 0, 3, 3).toString());
        assertThat(s.get("events").size()).isPositive();
        assertThat(out.toString()).contains("\"items\" : 3,");

        out.getBuffer().setLength(0);
        assertThat(run("status", "--dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("last sync:", "(full, ok)", "Downloaded 3/3, Uploaded 0/0, Internal 3/3",
                "synced:      4 folders, 3 items", "ignored:     0 items", "item synchronisation of INBOX");
    }

    @Test
    void aFailedItemExitsWith1AndStatusListsItUntilIgnored() throws Exception {
        server.add("INBOX", "<good@iwdemo.test>", Flags.NONE);
        long bad = server.add("INBOX", "<bad@iwdemo.test>", Flags.NONE);
        server.failFetch(bad);
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        out.getBuffer().setLength(0);

        for (int i = 0; i < 3; i++) {
            assertThat(run("sync", "--dir", dir.toString(), "--once", "-q")).isEqualTo(1);
        }
        assertThat(err.toString()).contains("icesync: 1 item failed (icesync status --dir " + dir + " lists them)");
        assertThat(out.toString()).as("quiet").isEmpty();

        assertThat(run("status", "--dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("ignored:     1 items (1 with failures)", "IGNORED INBOX uid:" + bad,
                "x3: the server cannot send message " + bad);
        out.getBuffer().setLength(0);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).as("an ignored item no longer fails the run").isZero();
        assertThat(run("sync", "--dir", dir.toString(), "--once", "--all")).as("--all retries it").isEqualTo(1);
    }

    @Test
    void serverProblemsExitWith3AndSayWhatToDo() {
        Path dir = tmp.resolve("jean");
        createProfile(dir);

        server.fault(FakeServer.Fault.LOGIN_REFUSED);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(3);
        assertThat(err.toString()).contains("icesync: the server refused the login of jean@iwdemo.test", "check the login");

        server.fault(FakeServer.Fault.UNTRUSTED_CERTIFICATE);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(3);
        assertThat(err.toString()).contains("is not trusted", "--trust-cert FILE.pem");

        server.fault(FakeServer.Fault.UNREACHABLE);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(3);
        assertThat(err.toString()).contains("cannot connect to fake:143");
    }

    @Test
    void aMalformedProfileExitsWith4NamingTheFileAndTheField() throws Exception {
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        Path file = dir.resolve("profile.json");
        Files.writeString(file, Files.readString(file).replace("\"port\" : 10143", "\"port\" : \"x\""));

        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(4);
        assertThat(err.toString()).contains("icesync: " + file + ": imap.port: expected a port number");
        assertThat(run("status", "--dir", tmp.resolve("nothing-here").toString())).isEqualTo(4);
        assertThat(err.toString()).contains("no profile in");
    }

    @Test
    void aMailDirectoryMovedAwayStopsWithExit5UntilConfirmed() throws Exception {
        server.folder("Sent").folder("Archive").folder("Projets/Été 2026");
        server.add("Archive", "<a@iwdemo.test>", Flags.NONE);
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).as(err.toString()).isZero();
        java.util.List<FolderPath> synced = server.paths();
        Files.move(dir.resolve("mail"), tmp.resolve("mail-on-a-usb-disk"));

        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(5);

        assertThat(err.toString()).contains("stopped before deleting; nothing of this was deleted",
                "5 of 5 synced folders would be deleted on the server because their local copies are gone: Archive,",
                "the local store " + dir.resolve("mail") + " is missing", "--allow-mass-delete");
        assertThat(server.paths()).isEqualTo(synced);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).as("asked again").isEqualTo(5);

        assertThat(run("sync", "--dir", dir.toString(), "--once", "--allow-mass-delete")).as(err.toString()).isZero();
        assertThat(server.paths()).containsExactly(FolderPath.of("INBOX"));
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isZero();
    }

    @Test
    void aHostileFolderNameNeitherColoursNorForgesALine() throws Exception {
        String evil = "Evil\u001b[31mRed\r\nicesync: forged";
        server.folder(evil);
        server.add(evil, "<e@iwdemo.test>", Flags.NONE);
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        out.getBuffer().setLength(0);

        assertThat(run("sync", "--dir", dir.toString(), "--once")).as(err.toString()).isZero();
        assertThat(run("status", "--dir", dir.toString())).isZero();

        String all = out + "\n" + err;
        assertThat(all).doesNotContain("\u001b").doesNotContain("\r")
                .contains("Evil\\e[31mRed\\r\\nicesync: forged");
        assertThat(all.lines()).noneMatch(l -> l.startsWith("icesync: forged"));
    }

    @Test
    void aFirstSyncOverExistingLocalMailAsksFirst() throws Exception {
        server.add("INBOX", "<a@iwdemo.test>", Flags.NONE);
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        Path inbox = dir.resolve("mail/INBOX");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(inbox.resolve(sub));
        }
        Files.write(inbox.resolve("new/1790000000.x.test"), FakeServer.message("<mine@iwdemo.test>", "mine", "x"));

        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(4);
        assertThat(err.toString()).contains("--first-sync upload_local");
        assertThat(run("sync", "--dir", dir.toString(), "--once", "--first-sync", "upload_local")).isZero();
        assertThat(server.flags("INBOX", "<mine@iwdemo.test>")).isNotNull();
    }

    @Test
    void scheduledSyncRunsUntilStoppedLikeOnSigterm() throws Exception {
        server.add("INBOX", "<a@iwdemo.test>", Flags.NONE);
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        out.getBuffer().setLength(0);
        IceSyncCli cli = new IceSyncCli(fake);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "sync", "--dir", dir.toString()));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString().contains("1 downloaded") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains("INBOX: 1 downloaded");
        assertThat(err.toString()).contains("icesync: syncing " + dir + " (folder tree every 60 minutes, "
                + "priority folders every 1 minute, others every 10 minutes, and server changes as they happen);"
                + " Ctrl-C stops");
        cli.requestStop();

        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).contains("stopping after the cycle under way");
        // The folder is free again: another process can open it.
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isZero();
    }

    @Test
    void aFatalErrorEndsTheScheduledSyncWithExit70() throws Exception {
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        server.fault(FakeServer.Fault.OUT_OF_MEMORY);
        IceSyncCli cli = new IceSyncCli(fake);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "sync", "--dir", dir.toString()));

        // No stop requested: the process ends on its own, for a supervisor to restart it.
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(70);
        assertThat(err.toString()).contains("icesync: fatal error: java.lang.OutOfMemoryError")
                .doesNotContain("stopping after the cycle under way");
        server.fault(FakeServer.Fault.NONE);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isZero(); // the folder was let go
    }

    @Test
    void aFatalErrorInOneCycleExitsWith70Too() {
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        server.fault(FakeServer.Fault.OUT_OF_MEMORY);

        assertThat(run("sync", "--dir", dir.toString(), "--once")).isEqualTo(70);
        assertThat(err.toString()).contains("icesync: fatal error: java.lang.OutOfMemoryError", "(exit 70)");
        server.fault(FakeServer.Fault.NONE);
        assertThat(run("sync", "--dir", dir.toString(), "--once")).isZero();
    }

    @Test
    void helpListsExitCode70() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("70").contains("fatal error");
    }

    @Test
    void scheduledSyncStopsAtOnceWhenTheLoginIsRefused() {
        Path dir = tmp.resolve("jean");
        createProfile(dir);
        server.fault(FakeServer.Fault.LOGIN_REFUSED);
        assertThat(run("sync", "--dir", dir.toString(), "-q")).isEqualTo(3);
        assertThat(err.toString()).contains("refused the login");
    }

    @Test
    void progressShowsTheFolderAndTheCounters() {
        StringWriter w = new StringWriter();
        Progress p = new Progress(new PrintWriter(w), 120, System::nanoTime);
        p.onFolderStarted(FolderPath.of("Projets", "Été 2026"), 2, 7);
        p.onCounters(new SyncCounters(5, 10, 1, 2, 5, 10));
        assertThat(p.line()).isEqualTo("[##########..........] [2/7] Projets/Été 2026  "
                + "Downloaded 5/10, Uploaded 1/2, Internal 5/10");
        assertThat(w.toString()).startsWith("\r");
        p.finish();
        assertThat(w.toString()).endsWith("\r");
    }

    @Test
    void progressFitsAn80ColumnTerminalAndShowsRateAndTimeLeftOnLongWork() {
        long[] now = {0};
        StringWriter w = new StringWriter();
        Progress p = new Progress(new PrintWriter(w), Terminal.columns(java.util.Map.of()), () -> now[0]);
        p.onFolderStarted(FolderPath.of("Projets", "Été 2026"), 2, 7);
        p.onCounters(new SyncCounters(0, 100, 0, 0, 0, 100));
        assertThat(p.line()).hasSize(79).doesNotContain("left");
        now[0] = 10_000_000_000L;
        p.onCounters(new SyncCounters(50, 100, 0, 0, 50, 100));
        assertThat(p.line()).hasSize(79).startsWith("[##########..........] 10.0/s 0:10 left [2/7] Projets/Été 2026");
        for (String line : w.toString().split("\r")) {
            assertThat(line.length()).as("a drawn line never wraps").isLessThan(80);
        }
    }

    @Test
    void terminalWidthFallsBackToColumnsThen80() {
        assertThat(Terminal.columns(java.util.Map.of("COLUMNS", "132"))).isEqualTo(132);
        assertThat(Terminal.columns(java.util.Map.of("COLUMNS", "wide"))).isEqualTo(80);
        assertThat(Terminal.columns(java.util.Map.of())).isEqualTo(80);
    }
}
