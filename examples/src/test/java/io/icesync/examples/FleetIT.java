package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.settings.SyncSettings;
import io.icesync.examples.cli.IceSyncCli;
import io.icesync.fleet.FleetDatabase;
import io.icesync.fleet.SecretStoreFactory;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet as a user runs it: PostgreSQL (the peer, {@code .ci/peers-up.sh}), two nodes as separate
 * JVMs ({@code icesync fleet serve}) and many accounts on the testkit server, some with local mail
 * to upload. One node is killed with SIGKILL while it runs a cycle; the other finishes every account.
 * Checked from the database and the files: every account converged, no account ever ran on two
 * nodes at once, nothing lost or duplicated on either side. {@code -Dicesync.fleet.accounts=N} (200: under 2 minutes on 2 cores).
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class FleetIT {
    static final String DB = System.getProperty("icesync.fleet.db", "jdbc:postgresql://127.0.0.1:15432/icesync");
    static final int ACCOUNTS = Integer.getInteger("icesync.fleet.accounts", 200);
    static final int SERVER_MESSAGES = 3;
    static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    final String run = "fleetit-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final List<Process> nodes = new ArrayList<>();
    FleetDatabase db;

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : nodes) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (db != null) {
            FleetRows.forget(db.dataSource(), run);
            db.close();
        }
    }

    @Test
    void twoNodesSyncManyAccountsAndOneKilledMidCycleLosesNothing() throws Exception {
        Path root = tmp.resolve("root");
        List<String> emails = new ArrayList<>();
        IceWarpServer.Builder sb = IceWarpServer.builder();
        for (int i = 0; i < ACCOUNTS; i++) {
            String email = run + i + "@fleet.test";
            emails.add(email);
            sb.account(email, "secret");
        }
        try (IceWarpServer server = sb.start()) {
            db = FleetDatabase.open(DB, "icesync", "secret".toCharArray(), 4);
            Map<String, Integer> localOnly = new HashMap<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                String email = emails.get(i);
                for (int m = 0; m < SERVER_MESSAGES; m++) {
                    server.account(email).mailbox("INBOX").append(Messages.simple("<s" + m + "." + email + ">", "server " + m));
                }
                if (i % 10 == 0) {
                    // Mail that exists only here: the first sync uploads it, exactly once despite the kill.
                    Path inbox = Files.createDirectories(root.resolve(email).resolve("mail/INBOX/cur"));
                    Files.createDirectories(root.resolve(email).resolve("mail/INBOX/new"));
                    Files.createDirectories(root.resolve(email).resolve("mail/INBOX/tmp"));
                    for (int m = 0; m < 2; m++) {
                        Files.write(inbox.resolve("local" + m + "." + i + ".host:2,S"),
                                Messages.simple("<l" + m + "." + email + ">", "local " + m));
                    }
                    localOnly.put(email, 2);
                }
            }
            addAccounts(server, root, emails);

            Process a = serve(root, "a");
            Process b = serve(root, "b");
            Instant killedAt = killMidCycle(a);

            // The survivor runs every account to a good cycle, those cut by the kill included.
            await(Duration.ofMinutes(4), () -> accountsWithAGoodCycleAfter(killedAt) == ACCOUNTS);
            b.destroy(); // SIGTERM: the node ends its cycles and leaves
            assertThat(b.waitFor(60, TimeUnit.SECONDS)).as("node b stops on SIGTERM").isTrue();

            List<Cycle> cycles = cycles();
            assertThat(cycles).filteredOn(c -> c.node.equals(run + "a") && c.ended == null)
                    .as("node a was killed in the middle of a cycle").isNotEmpty();
            assertNeverTwoAtOnce(cycles, killedAt);
            for (String email : emails) {
                List<String> server_ = server.account(email).mailbox("INBOX").messages().stream()
                        .map(TestMessage::messageId).sorted().toList();
                List<String> local = localMessageIds(root.resolve(email).resolve("mail/INBOX"));
                int expected = SERVER_MESSAGES + localOnly.getOrDefault(email, 0);
                assertThat(server_).as("server INBOX of %s", email).hasSize(expected).doesNotHaveDuplicates();
                assertThat(local).as("local INBOX of %s", email).containsExactlyElementsOf(server_);
            }
            String status = cli("fleet", "status", "--db", DB, "--db-user", "icesync", "--json");
            assertThat(status).contains("\"node\" : \"" + run + "b\"").contains("\"email\" : \"" + emails.get(0) + "\"");
        }
    }

    /** Through the CLI for the first (as a user does), through the API for the rest (faster). */
    private void addAccounts(IceWarpServer server, Path root, List<String> emails) throws Exception {
        Endpoint imap = server.imap();
        String first = cli("fleet", "add", "--db", DB, "--db-user", "icesync", "--root", root.toString(),
                "--email", emails.get(0), "--imap", imap.host() + ":" + imap.port(), "--security", "plain",
                "--password-env", "FLEET_IT_PASSWORD");
        assertThat(first).contains("added " + emails.get(0));
        for (String email : emails.subList(1, emails.size())) {
            Profile p = new Profile(new Account(email, email, imap), SyncSettings.defaults(), null);
            SecretStoreFactory.files(root).forAccount(email).put(p.account().secretKey(), "secret".toCharArray());
            db.accounts().add(p);
        }
        assertThat(Files.getPosixFilePermissions(root.resolve(emails.get(0)).resolve("secrets.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    /** icesync in a process of its own, with the passwords in its environment as a user's shell has them. */
    private String cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IceSyncCli.class.getName()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("cli-" + UUID.randomUUID() + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PGPASSWORD", "secret");
        pb.environment().put("FLEET_IT_PASSWORD", "secret");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("icesync %s ends", String.join(" ", args)).isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as("icesync %s: %s", String.join(" ", args), text).isZero();
        return text;
    }

    private Process serve(Path root, String node) throws IOException {
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IceSyncCli.class.getName(), "-v", "fleet", "serve", "--db", DB, "--db-user", "icesync",
                "--root", root.toString(), "--threads", "2", "--node-id", run + node, "--interval-seconds", "20",
                "--cluster-checkin-seconds", "2");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("node-" + node + ".log").toFile());
        pb.environment().put("PGPASSWORD", "secret");
        Process p = pb.start();
        nodes.add(p);
        return p;
    }

    /** SIGKILL as soon as the node is inside a cycle, once a few dozen cycles ran. */
    private Instant killMidCycle(Process node) throws Exception {
        await(Duration.ofMinutes(2), () -> count("SELECT count(*) FROM fleet_cycles WHERE account LIKE ? AND node = ?",
                run + "%", run + "a") >= 20);
        await(Duration.ofMinutes(1), () -> count("SELECT count(*) FROM fleet_cycles WHERE account LIKE ? AND node = ?"
                + " AND ended IS NULL", run + "%", run + "a") > 0);
        node.destroyForcibly();
        Instant at = Instant.now();
        node.waitFor(30, TimeUnit.SECONDS);
        return at;
    }

    private int accountsWithAGoodCycleAfter(Instant t) {
        // Every account synced once, and the accounts whose cycle the kill cut synced again since.
        return (int) count("SELECT count(*) FROM fleet_accounts a WHERE a.email LIKE ? AND EXISTS (SELECT 1 FROM"
                + " fleet_cycles c WHERE c.account = a.email AND c.ok) AND NOT EXISTS (SELECT 1 FROM fleet_cycles k"
                + " WHERE k.account = a.email AND k.ended IS NULL AND k.node = ? AND NOT EXISTS (SELECT 1 FROM"
                + " fleet_cycles c WHERE c.account = a.email AND c.ok AND c.started > ?))", run + "%", run + "a",
                Timestamp.from(t));
    }

    record Cycle(String account, String node, Instant started, Instant ended) {
    }

    private List<Cycle> cycles() throws SQLException {
        List<Cycle> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("SELECT account, node, started, ended FROM fleet_cycles"
                     + " WHERE account LIKE ? ORDER BY account, started")) {
            p.setString(1, run + "%");
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Timestamp end = r.getTimestamp(4);
                    out.add(new Cycle(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                            end == null ? null : end.toInstant()));
                }
            }
        }
        return out;
    }

    /** A cycle left open by the kill ended at the kill; each next cycle of an account starts after the last ended. */
    private void assertNeverTwoAtOnce(List<Cycle> cycles, Instant killedAt) {
        Map<String, Cycle> previous = new HashMap<>();
        int checked = 0;
        for (Cycle c : cycles) {
            Cycle before = previous.put(c.account, c);
            if (before == null) {
                continue;
            }
            Instant end = before.ended != null ? before.ended : killedAt;
            assertThat(before.ended != null || before.node.equals(run + "a")).as("only the killed node leaves a cycle open: %s",
                    before).isTrue();
            assertThat(c.started).as("%s started before %s ended", c, before).isAfterOrEqualTo(end);
            checked++;
        }
        assertThat(checked).as("accounts ran more than one cycle").isGreaterThan(0);
    }

    private static List<String> localMessageIds(Path folder) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            Path d = folder.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.toList()) {
                    Matcher m = MESSAGE_ID.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                    ids.add(m.find() ? m.group(1) : "(none in " + f.getFileName() + ")");
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    private long count(String query, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(Duration max, BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            for (Process p : nodes) {
                if (!p.isAlive() && p.exitValue() != 137 && p.exitValue() != 143) {
                    throw new AssertionError("a fleet node exited with " + p.exitValue() + ": "
                            + Files.readString(tmp.resolve("node-" + (nodes.indexOf(p) == 0 ? "a" : "b") + ".log")));
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within " + max + "; node logs in " + tmp);
            }
            Thread.sleep(20);
        }
    }
}
