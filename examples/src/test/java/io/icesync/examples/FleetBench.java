package io.icesync.examples;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.SecretStores;
import io.icesync.core.store.StateStores;
import io.icesync.examples.cli.IceSyncCli;
import io.icesync.fleet.FleetDatabase;
import io.icesync.fleet.SecretStoreFactory;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The fleet's benchmark (bench/fleet.sh): accounts synced per minute by 1 and by 2 nodes (each its
 * own JVM, 2 cycle threads) from PostgreSQL, all on this machine, and the cost of the PostgreSQL state
 * store against SQLite for one account (first sync and a no-change resync, in this JVM). Times are
 * printed with their ratio: compare within one run, never across machines.
 *
 * <p>Arguments: ACCOUNTS (100), MESSAGES per account (5), MESSAGES of the one-account comparison (500),
 * ROUNDS of that comparison (3).
 */
public final class FleetBench {
    static final String DB = System.getProperty("icesync.fleet.db", "jdbc:postgresql://127.0.0.1:15432/icesync");

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int single = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String password = System.getenv().getOrDefault("PGPASSWORD", "secret");
        Path work = Files.createTempDirectory("icesync-fleet-bench");
        try (FleetDatabase db = FleetDatabase.open(DB, "icesync", password.toCharArray(), 4)) {
            double one = accountsPerMinute(db, work, accounts, messages, 1);
            double two = accountsPerMinute(db, work, accounts, messages, 2);
            System.out.printf("%-34s %10s %10s %6s%n", "fleet (" + accounts + " accounts, " + messages + " msgs)",
                    "1 node", "2 nodes", "ratio");
            System.out.printf("%-34s %10.1f %10.1f %6.2f%n", "accounts synced per minute", one, two, two / one);
            stateStores(db, work, single, rounds);
        }
        deleteTree(work);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Adds the accounts, starts the nodes, and times until every account had one good cycle. */
    private static double accountsPerMinute(FleetDatabase db, Path work, int accounts, int messages, int nodes)
            throws Exception {
        String run = "fleetbench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        IceWarpServer.Builder b = IceWarpServer.builder();
        for (int i = 0; i < accounts; i++) {
            b.account(run + i + "@bench.test", "secret");
        }
        List<Process> started = new ArrayList<>();
        Path root = work.resolve(run);
        try (IceWarpServer server = b.start()) {
            for (int i = 0; i < accounts; i++) {
                String email = run + i + "@bench.test";
                for (int m = 0; m < messages; m++) {
                    server.account(email).mailbox("INBOX").append(Messages.simple("<m" + m + "." + email + ">", "m" + m));
                }
                Profile p = new Profile(new Account(email, email, server.imap()), SyncSettings.defaults(), null);
                SecretStoreFactory.files(root).forAccount(email).put(p.account().secretKey(), "secret".toCharArray());
                db.accounts().add(p);
            }
            long t0 = System.nanoTime();
            for (int n = 0; n < nodes; n++) {
                started.add(serve(root, run + "node" + n));
            }
            while (synced(db, run) < accounts) {
                for (Process p : started) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("a node exited with " + p.exitValue() + "; log in " + work);
                    }
                }
                Thread.sleep(200);
            }
            // From the first cycle's start to the last first cycle's end, as the database saw them (no JVM start).
            double seconds = span(db, run);
            System.err.printf("%d node(s): %d accounts in %.1f s (%.1f s with JVM start)%n", nodes, accounts, seconds,
                    (System.nanoTime() - t0) / 1e9);
            return accounts / seconds * 60;
        } finally {
            for (Process p : started) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
            FleetRows.forget(db.dataSource(), run);
        }
    }

    private static Process serve(Path root, String node) throws Exception {
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IceSyncCli.class.getName(), "fleet", "serve", "--db", DB, "--db-user", "icesync",
                "--root", root.toString(), "--threads", "2", "--node-id", node, "--interval-seconds", "3600");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(root.resolveSibling(node + ".log").toFile());
        pb.environment().putIfAbsent("PGPASSWORD", "secret");
        return pb.start();
    }

    private static long synced(FleetDatabase db, String run) throws Exception {
        return query(db, "SELECT count(DISTINCT account) FROM fleet_cycles WHERE account LIKE ? AND ok", run);
    }

    private static double span(FleetDatabase db, String run) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("SELECT extract(epoch FROM max(f.ended) - min(f.started)) FROM"
                     + " (SELECT account, min(started) AS started, min(ended) FILTER (WHERE ok) AS ended FROM fleet_cycles"
                     + " WHERE account LIKE ? GROUP BY account) f")) {
            p.setString(1, run + "%");
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getDouble(1);
            }
        }
    }

    private static long query(FleetDatabase db, String sql, String run) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, run + "%");
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** One account's first sync and no-change resync with each state store, same server and local store. */
    private static void stateStores(FleetDatabase db, Path work, int messages, int rounds) throws Exception {
        String email = "fleetbench-" + UUID.randomUUID().toString().substring(0, 8) + "-single@bench.test";
        try (IceWarpServer server = IceWarpServer.builder().account(email, "secret").start()) {
            for (int m = 0; m < messages; m++) {
                server.account(email).mailbox("INBOX").append(Messages.simple("<m" + m + "@bench>", "message " + m));
            }
            Profile p = new Profile(new Account(email, email, server.imap()), SyncSettings.defaults(), null);
            double[][] pg = new double[rounds][];
            double[][] lite = new double[rounds][];
            for (int r = 0; r < rounds; r++) {
                Path sqlite = work.resolve("sqlite-" + r);
                lite[r] = timeSync(p, sqlite, () -> StateStores.sqlite(sqlite.resolve("state.db")));
                String account = email.replace("-single", "-r" + r);
                try {
                    pg[r] = timeSync(p, work.resolve("pg-" + r), () -> db.stateStore(account, "", Clock.SYSTEM));
                } finally {
                    FleetRows.forget(db.dataSource(), account);
                }
            }
            System.out.printf("%-34s %10s %10s %6s%n", "state store, 1 account (" + messages + " msgs)", "SQLite s",
                    "Postgres s", "ratio");
            String[] names = {"first sync", "no-change resync"};
            for (int i = 0; i < 2; i++) {
                double l = median(lite, i);
                double g = median(pg, i);
                System.out.printf("%-34s %10.3f %10.3f %6.2f%n", names[i], l, g, g / l);
            }
        }
    }

    private static double[] timeSync(Profile p, Path dir, Supplier<SyncStateStore> state) {
        SecretStore secrets = SecretStores.inMemory();
        secrets.put(p.account().secretKey(), "secret".toCharArray());
        double[] t = new double[2];
        try (IceSync sync = IceSync.builder().profile(p).secrets(secrets).state(state.get())
                .local(LocalStores.maildir(dir.resolve("mail"))).build()) {
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                sync.syncOnce();
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return t;
    }

    private static double median(double[][] runs, int column) {
        double[] v = Arrays.stream(runs).mapToDouble(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }
}
