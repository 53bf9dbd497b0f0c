package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's daily log files (F11.4) as icesync writes them, and icesync logs pack|clear|prune. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class LogsCliTest {
    private static final String JEAN = "jean@iwdemo.test";
    private static final String MARKER = "zebra-4711-body-marker";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    static Path today(Path dir) {
        return dir.resolve("logs").resolve(LogFolder.DAY.format(LocalDate.now()) + ".txt");
    }

    /** Every log file's text, zips opened too. */
    static String allLogs(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void aDebugSyncOfMailAndDocumentsLogsInDetailButNeitherThePasswordNorABody(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<logs@iwdemo.test>", "sender@example.org", JEAN,
                "Log test", null, "The text says " + MARKER + " twice: " + MARKER));
        server.webdav().files(JEAN).put("Notes.txt", ("notes " + MARKER).getBytes(StandardCharsets.UTF_8));
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        String d = dir.toString();
        assertThat(cli.run("profile", "create", "--dir", d, "--email", JEAN, "--imap", "127.0.0.1:" + server.imaps().port(),
                "--security", "ssl", "--trust-cert", pem.toString(), "--password-stdin",
                "--documents", server.webdav().url().toString())).as(cli.err.toString()).isZero();
        assertThat(cli.run("settings", "set", "--dir", d, "logLevel", "debug")).as(cli.err.toString()).isZero();

        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            code = cli.run("sync", "--dir", d, "--once");
        } finally {
            System.setErr(stderr);
        }

        assertThat(code).as(cli.err.toString()).isZero();
        // the sync did bring the marked body and document down, so the logs had the chance to leak them
        try (Stream<Path> mail = Files.walk(dir.resolve("mail"))) {
            assertThat(mail.filter(Files::isRegularFile).anyMatch(f -> read(f).contains(MARKER))).isTrue();
        }
        assertThat(Files.readString(dir.resolve("documents/Files/Notes.txt"))).contains(MARKER);
        String log = Files.readString(today(dir));
        assertThat(log).contains("icesync 0.1.0 started: sync, log level DEBUG", "ended: exit code 0",
                "item synchronisation of INBOX", " DEBUG ");
        String all = allLogs(dir);
        assertThat(all).doesNotContain("secret", MARKER, b64("\0" + JEAN + "\0secret"),
                b64(JEAN + "\0" + JEAN + "\0secret"), b64(JEAN + ":secret"));
        assertThat(console.toString(StandardCharsets.UTF_8)).as("the console stays at warnings")
                .doesNotContain(" DEBUG ", " INFO ", "item synchronisation");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void startUpAndErrorsKeepsTheStartsAndEndsAndTheOptionTurnsDebugOnForOneRun(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        assertThat(cli.run("sync", "--dir", d, "--once")).as(cli.err.toString()).isZero();
        String log = Files.readString(today(dir));
        assertThat(log).contains("started: sync, log level STARTUP_AND_ERRORS", "icesync sync ended: exit code 0")
                .doesNotContain("item synchronisation of INBOX", " DEBUG ");

        assertThat(cli.run("sync", "--dir", d, "--once", "--log-level", "debug")).as(cli.err.toString()).isZero();
        assertThat(Files.readString(today(dir))).contains("started: sync, log level DEBUG", "item synchronisation of INBOX");

        assertThat(cli.run("sync", "--dir", d, "--once", "--folder", "Nowhere")).isEqualTo(ExitCodes.UNKNOWN_FOLDER);
        assertThat(Files.readString(today(dir))).contains("ended: exit code " + ExitCodes.UNKNOWN_FOLDER);
        assertThat(cli.run("profile", "show", "--dir", tmp.resolve("none").toString())).isEqualTo(ExitCodes.PROFILE);
        assertThat(tmp.resolve("none")).as("a command on a folder that is no profile writes no log there").doesNotExist();
    }

    @Test
    void packZipsTheLastTwoDaysPruneAndClearDeleteOnlyDailyFiles(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        LocalDate now = LocalDate.now();
        List<Path> old = new ArrayList<>();
        for (int daysAgo : new int[] {1, 3, 40}) {
            old.add(Files.writeString(logs.resolve(LogFolder.DAY.format(now.minusDays(daysAgo)) + ".txt"),
                    "day -" + daysAgo + "\n"));
        }
        Files.writeString(logs.resolve("notes.txt"), "mine");
        Files.writeString(today(dir), "today\n");

        assertThat(cli.run("logs", "pack", "--dir", d)).as(cli.err.toString()).isZero();
        Path zip = Path.of(cli.out.toString().trim());
        assertThat(zip).isEqualTo(logs.resolve("icesync-logs-" + LogFolder.DAY.format(now) + ".zip")).exists();
        assertThat(entries(zip)).containsExactlyInAnyOrder(today(dir).getFileName().toString(),
                old.get(0).getFileName().toString());

        assertThat(cli.run("logs", "prune", "--dir", d, "--days", "7")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("removed 1 log file older than 7 days");
        assertThat(old.get(2)).doesNotExist();
        assertThat(old.get(1)).exists();

        assertThat(cli.run("logs", "clear", "--dir", d)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("removed 3 log files from " + logs);
        try (Stream<Path> left = Files.list(logs)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt",
                    zip.getFileName().toString());
        }
        assertThat(cli.run("logs", "pack", "--dir", d)).isEqualTo(ExitCodes.PROFILE);
        assertThat(cli.err.toString()).contains("no log file of " + LogFolder.DAY.format(now.minusDays(1)));
    }

    @Test
    void theProfileSettingPrunesAtStartAndBadInputIsNamed(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        assertThat(cli.run("logs", "prune", "--dir", d)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("give --days N", "deleteLogsAfterDays is 0");
        assertThat(cli.run("logs", "prune", "--dir", d, "--days", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("--days: -1 is below the minimum of 0 days");
        assertThat(cli.run("logs", "clear", "--dir", tmp.resolve("none").toString())).isEqualTo(ExitCodes.PROFILE);
        assertThat(cli.err.toString()).contains(tmp.resolve("none") + " is not a profile folder");

        Path ancient = Files.writeString(Files.createDirectories(dir.resolve("logs"))
                .resolve(LogFolder.DAY.format(LocalDate.now().minusDays(10)) + ".txt"), "old\n");
        assertThat(cli.run("settings", "set", "--dir", d, "deleteLogsAfter", "5")).as(cli.err.toString()).isZero();
        assertThat(ancient).as("the setting acts from the next command").exists();
        assertThat(cli.run("status", "--dir", d)).as(cli.err.toString()).isZero();
        assertThat(ancient).as("deleted when the next command starts").doesNotExist();
        assertThat(today(dir)).exists();
    }

    @Test
    void aFolderWhosePathLogbackCannotNameSyncsAndSaysItWritesNoLog(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, Files.createDirectories(tmp.resolve("50% off")));
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        } finally {
            System.setErr(stderr);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("no log file in " + dir.resolve("logs"),
                "its path holds a %");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
