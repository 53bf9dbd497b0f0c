package io.icesync.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.settings.SyncSettings;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node in this JVM on the PostgreSQL peer: an account whose password is wrong is held back after
 * its failure while the others keep syncing, as they do beside an account whose stored profile is damaged; the metrics and the status say so; a removed account's
 * schedule goes.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class FleetNodeIT {
    final String run = "nodeit-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    FleetDatabase db;

    @TempDir
    Path root;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            TestDatabase.forget(db, run);
            db.close();
        }
    }

    @Test
    void aDeadAccountIsHeldBackAndTheOthersKeepTheirTurns() throws Exception {
        List<String> good = List.of(run + "a@x.test", run + "b@x.test", run + "c@x.test");
        String dead = run + "dead@x.test";
        IceWarpServer.Builder b = IceWarpServer.builder().account(dead, "secret");
        good.forEach(e -> b.account(e, "secret"));
        try (IceWarpServer server = b.start()) {
            db = TestDatabase.open();
            for (String email : good) {
                server.account(email).mailbox("INBOX").append(Messages.simple("<1." + email + ">", "hello"));
                add(server, email, "secret");
            }
            add(server, dead, "wrong");
            String broken = run + "broken@x.test";
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement p = c.prepareStatement("INSERT INTO fleet_accounts(email, profile, added) VALUES (?, ?, now())")) {
                p.setString(1, broken);
                p.setString(2, "{\"account\": 42");
                p.executeUpdate();
            }
            assertThat(db.accounts().list()).as("a damaged row is left out, the others listed")
                    .extracting(FleetAccount::email).containsExactlyInAnyOrder(good.get(0), good.get(1), good.get(2), dead);
            FleetNode node = FleetNode.builder(db).root(root).threads(2).nodeId(run + "n").cycleEvery(Duration.ofSeconds(1))
                    .backoff(Duration.ofMinutes(5), Duration.ofHours(1)).accountsEvery(Duration.ofMillis(500))
                    .clusterCheckin(Duration.ofSeconds(1)).build();
            try (node) {
                node.start();
                await(() -> good.stream().allMatch(e -> okCycles(e) >= 3));

                FleetStatus.AccountStatus d = status(dead);
                assertThat(d.cycles()).as("held back after its failure, not tried at every turn").isEqualTo(1);
                assertThat(d.errors()).isEqualTo(1);
                assertThat(d.failuresInARow()).isEqualTo(1);
                assertThat(d.retryAfter()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
                assertThat(d.lastError()).containsIgnoringCase("authentication");
                assertThat(d.lastError()).doesNotContain("wrong");
                assertThat(status(good.get(0)).downloaded()).isEqualTo(1);
                assertThat(node.metrics().failed()).isEqualTo(1);
                assertThat(node.metrics().cycles()).isGreaterThanOrEqualTo(10);
                assertThat(node.metrics().skipped()).as("the dead account's turns were skipped").isPositive();
                assertThat(db.status().nodes()).extracting(FleetStatus.NodeStatus::node).contains(run + "n");

                try (Stream<Path> files = Files.list(root.resolve(good.get(0)).resolve("mail/INBOX/cur"))) {
                    assertThat(files.count()).isEqualTo(1);
                }

                assertThat(db.accounts().remove(good.get(0))).isTrue();
                await(() -> count("SELECT count(*) FROM qrtz_job_details WHERE job_name = ?", good.get(0)) == 0);
                assertThat(db.accounts().find(good.get(0))).isEmpty();
            }
        }
    }

    private void add(IceWarpServer server, String email, String password) {
        Profile p = new Profile(new Account(email, email, server.imap()), SyncSettings.defaults(), null);
        SecretStoreFactory.files(root).forAccount(email).put(p.account().secretKey(), password.toCharArray());
        db.accounts().add(p);
    }

    private FleetStatus.AccountStatus status(String email) {
        return db.status().accounts().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow();
    }

    private long okCycles(String email) {
        return count("SELECT count(*) FROM fleet_cycles WHERE account = ? AND ok", email);
    }

    private long count(String sql, String arg) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within 90 s");
            }
            Thread.sleep(50);
        }
    }
}
