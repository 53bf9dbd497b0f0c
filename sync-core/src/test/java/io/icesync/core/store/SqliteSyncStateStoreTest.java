package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSyncStateStoreTest extends SyncStateStoreContract {
    @TempDir
    Path dir;

    @Override
    SyncStateStore newStore(Clock clock) {
        return StateStores.sqlite(dir.resolve("state.db"), clock);
    }

    private SyncStateStore reopen() {
        state.close();
        state = StateStores.sqlite(dir.resolve("state.db"), clock);
        return state;
    }

    @Test
    void readsFromAnotherThreadDoNotWaitForATransactionNorSeeIt() throws Exception {
        state.putValue("k", "committed");
        state.log(new SessionEvent(Instant.parse("2026-01-01T00:00:00Z"), SessionEvent.Level.INFO, "before", null));
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread writer = new Thread(() -> state.inTransaction(() -> {
            state.putValue("k", "uncommitted");
            assertThat(state.value("k")).contains("uncommitted"); // the transaction sees its own work
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        writer.start();
        try {
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CompletableFuture<List<Object>> reads = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> List.of(state.value("k"), state.recentEvents(5), state.failures(), state.folders(),
                            state.itemCount()));
            List<Object> got = reads.get(20, TimeUnit.SECONDS); // the transaction is still open
            assertThat(got.get(0)).isEqualTo(java.util.Optional.of("committed"));
            assertThat((List<?>) got.get(1)).hasSize(1);
        } finally {
            release.countDown();
            writer.join(30_000);
        }
        assertThat(state.value("k")).contains("uncommitted");
    }

    @Test
    void everythingSurvivesClosingAndReopening() {
        FolderState inbox = state.putFolder(folder(INBOX).withCursor(new RemoteCursor(1_700_000_000L, 99, 12)));
        FolderState nested = folder(FolderPath.of("Projets", "Été 2026"));
        ItemState item = new ItemState(inbox.id(), 3, "x", Flags.of(Flag.SEEN).withKeyword(Flags.COMPLETED).withKeyword("Work"),
                10, "<a@b>", true);
        state.putItem(item);
        PendingOp op = state.addPending(new PendingOp(0, PendingOp.Kind.APPEND, INBOX, null, "x", 0, "<a@b>", 10));
        IgnoredItem failure = state.recordFailure(nested.path(), "uid:4", "download", "NO");
        SessionEvent event = new SessionEvent(Instant.parse("2026-03-01T10:00:00.5Z"), SessionEvent.Level.INFO, "done", null);
        state.log(event);
        state.putValue("firstSync", "MERGE");

        reopen();

        assertThat(state.folders()).containsExactly(inbox, nested);
        assertThat(state.itemByLocalId("x")).contains(item);
        assertThat(state.pending()).containsExactly(op);
        assertThat(state.failures()).containsExactly(failure);
        assertThat(state.recentEvents(5)).containsExactly(event);
        assertThat(state.value("firstSync")).contains("MERGE");
    }

    @Test
    void theFileAndMissingFoldersAreCreatedAndTheJournalIsWal() throws Exception {
        Path file = dir.resolve("profile dir/état/state.db");
        try (SyncStateStore s = StateStores.sqlite(file)) {
            s.putValue("k", "v");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = c.createStatement(); ResultSet r = st.executeQuery("PRAGMA journal_mode")) {
                assertThat(r.getString(1)).isEqualTo("wal");
            }
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void aDatabaseFromANewerIceSyncIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("state.db");
        state.putValue("k", "v");
        state.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StateStores.sqlite(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("schema version 99")
                .hasMessageContaining("(6)").hasMessageContaining("newer");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAndLeftAsItWas() throws Exception {
        Path junk = dir.resolve("notes.db");
        byte[] text = "this is not a database, just some text that is long enough\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(junk, text);
        assertThatThrownBy(() -> StateStores.sqlite(junk)).isInstanceOf(StoreException.class)
                .hasMessageContaining(junk.toString()).hasMessageContaining("not an IceSync state database");
        assertThat(Files.readAllBytes(junk)).isEqualTo(text);
    }

    @Test
    void aDamagedDatabaseIsNamedWhenOpened() throws Exception {
        FolderState inbox = folder(INBOX);
        state.inTransaction(() -> {
            for (int i = 0; i < 3000; i++) {
                state.putItem(item(inbox, i + 1, "id" + i));
            }
        });
        state.close();
        Path file = dir.resolve("state.db");
        byte[] good = Files.readAllBytes(file);

        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> StateStores.sqlite(truncated)).isInstanceOf(StoreException.class)
                .hasMessageContaining(truncated.toString());

        Path overwritten = dir.resolve("overwritten.db");
        byte[] bad = good.clone();
        for (int page = 2; page < bad.length / 4096 - 1; page++) {
            Arrays.fill(bad, page * 4096, page * 4096 + 64, (byte) 0x5a);
        }
        Files.write(overwritten, bad);
        assertThatThrownBy(() -> StateStores.sqlite(overwritten)).isInstanceOf(StoreException.class)
                .hasMessageContaining(overwritten.toString()).hasMessageContaining("damaged");
    }

    @Test
    void aSchema1DatabaseIsMigratedWithEverythingItHeld() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             InputStream sql = getClass().getResourceAsStream("state-schema-1.sql")) {
            for (String statement : new String(sql.readAllBytes(), StandardCharsets.UTF_8).split(";\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                if (!body.isBlank()) {
                    s.execute(body);
                }
            }
        }
        state.close();
        state = StateStores.sqlite(file, clock);

        FolderPath archives = FolderPath.of("Archives", "2025");
        assertThat(state.folders()).containsExactly(
                new FolderState(3, archives, FolderKind.MAIL, "L-arch", null),
                new FolderState(1, INBOX, FolderKind.MAIL, "L-inbox", new RemoteCursor(1_700_000_000L, 4242, 17)));
        assertThat(state.items(1)).containsExactly(
                new ItemState(1, 11, "m-1", Flags.of(Set.of(Flag.SEEN, Flag.FLAGGED), Set.of("$label1", "Work", "work")),
                        2048, "<1@x>", false),
                new ItemState(1, 12, "m-2", Flags.NONE, 10, null, true));
        assertThat(state.itemByLocalId("m-3").orElseThrow().flags()).isEqualTo(Flags.of(Flag.ANSWERED));
        assertThat(state.itemByLocalId("orphan")).as("a row of a folder that no longer exists").isEmpty();
        assertThat(state.pending()).containsExactly(
                new PendingOp(4, PendingOp.Kind.MOVE, INBOX, archives, "m-1", 11, "<1@x>", 2048));
        assertThat(state.failures()).containsExactly(new IgnoredItem(INBOX, "uid:13", "download of server item 13", 2,
                "NO no such message", Instant.ofEpochMilli(1772357400123L)));
        assertThat(state.recentEvents(10)).containsExactly(
                new SessionEvent(Instant.ofEpochMilli(1772357400123L), SessionEvent.Level.INFO,
                        "item synchronisation of INBOX", null),
                new SessionEvent(Instant.ofEpochMilli(1772357401000L), SessionEvent.Level.WARNING, "connection", "slow"));
        assertThat(state.value("firstSync")).contains("MERGE");
        try (SyncStateStore other = StateStores.sqlite(file, "documents")) {
            assertThat(other.folders()).as("what the old file held is the default scope's").isEmpty();
            assertThat(other.itemByLocalId("m-3")).isEmpty();
            assertThat(other.value("firstSync")).isEmpty();
        }

        assertThat(folder(FolderPath.of("New")).id()).isEqualTo(4);
        state.log(new SessionEvent(Instant.EPOCH, SessionEvent.Level.INFO, "after", null));
        assertThat(state.recentEvents(10)).extracting(SessionEvent::message).endsWith("connection", "after");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA user_version")) {
            assertThat(r.getInt(1)).isEqualTo(6);
        }
    }

    @Test
    void tenThousandItemsInOneTransactionTakeWellUnderASecond() {
        FolderState inbox = folder(INBOX);
        Flags flags = Flags.of(Flag.SEEN).withKeyword("$label1");
        long best = Long.MAX_VALUE;
        // Three rounds: the first also pays for class loading and JIT warm-up.
        for (int round = 0; round < 3; round++) {
            int base = round * 10_000;
            long t = System.nanoTime();
            state.inTransaction(() -> {
                for (int i = 0; i < 10_000; i++) {
                    state.putItem(new ItemState(inbox.id(), base + i + 1, "id" + (base + i), flags, 20_000,
                            "<" + (base + i) + "@example.com>", false));
                }
            });
            long ms = (System.nanoTime() - t) / 1_000_000;
            System.out.println("10,000 putItem in one transaction (round " + (round + 1) + "): " + ms + " ms");
            best = Math.min(best, ms);
        }
        assertThat(state.itemCount()).isEqualTo(30_000);
        // Generous for a loaded CI machine; one fsync per item would take tens of seconds.
        assertThat(best).isLessThan(2_000);
    }

    // --- process kill

    /** The child JVM of the kill tests. */
    public static void main(String[] args) {
        SyncStateStore s = StateStores.sqlite(Paths.get(args[1]));
        FolderState f = s.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        if (args[0].equals("halt")) {
            s.inTransaction(() -> s.putItem(item(f, 1, "committed")));
            s.inTransaction(() -> {
                s.putItem(item(f, 2, "uncommitted"));
                s.putValue("uncommitted", "yes");
                Runtime.getRuntime().halt(0);
            });
        } else {
            for (int i = 0; ; i++) {
                int n = i;
                s.inTransaction(() -> {
                    s.putItem(item(f, n + 1, "item" + n));
                    s.putValue("last", Integer.toString(n));
                });
                System.out.println(n);
                System.out.flush();
            }
        }
    }

    private static Process child(String mode, Path db) throws Exception {
        return new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteSyncStateStoreTest.class.getName(), mode,
                db.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void aProcessThatDiesRightAfterCommittingKeepsTheCommitAndLosesTheOpenTransaction() throws Exception {
        Path db = dir.resolve("halted.db");
        Process p = child("halt", db);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        try (SyncStateStore s = StateStores.sqlite(db)) {
            assertThat(s.itemByLocalId("committed")).isPresent();
            assertThat(s.itemByLocalId("uncommitted")).isEmpty();
            assertThat(s.value("uncommitted")).isEmpty();
        }
    }

    @Test
    void aProcessKilledWhileCommittingKeepsEveryCommitItReported() throws Exception {
        Path db = dir.resolve("killed.db");
        Process p = child("loop", db);
        int reported = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported < 200 && (line = out.readLine()) != null) {
                reported = Integer.parseInt(line.trim());
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reported).as("the child reported its commits").isGreaterThanOrEqualTo(200);

        try (SyncStateStore s = StateStores.sqlite(db)) {
            int last = Integer.parseInt(s.value("last").orElseThrow());
            assertThat(last).isGreaterThanOrEqualTo(reported);
            // Items and the value were committed together: they agree, whatever the moment of the kill.
            assertThat(s.itemCount()).isEqualTo(last + 1L);
            for (int i = 0; i <= last; i++) {
                assertThat(s.itemByLocalId("item" + i)).as("item %d", i).isPresent();
            }
        }
    }
}
