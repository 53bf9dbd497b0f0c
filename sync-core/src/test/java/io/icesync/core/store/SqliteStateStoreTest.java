package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.StoreException;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.SyncStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends SyncStateStoreContract {
    @TempDir
    Path dir;

    @Override
    SyncStateStore newStore() {
        return StateStores.sqlite(dir.resolve("state.db"));
    }

    @AfterEach
    void closeIt() {
        state.close();
    }

    @Test
    void dataSurvivesReopening() {
        FolderState f = state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        state.putItem(new ItemState(f.id(), 3, "x", Flags.NONE.withKeyword("$Completed"), 10, "<a@b>", false));
        state.close();
        state = StateStores.sqlite(dir.resolve("state.db"));
        assertThat(state.itemByLocalId("x")).get().extracting(ItemState::flags).isEqualTo(Flags.NONE.withKeyword("$Completed"));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedUntouched() throws Exception {
        state.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }
        assertThatThrownBy(() -> StateStores.sqlite(dir.resolve("state.db"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("state.db").hasMessageContaining("99").hasMessageContaining("newer");
        state = StateStores.inMemory();
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedInTheError() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.write(junk, "this is not a database, just some text that is long enough".repeat(20).getBytes());
        assertThatThrownBy(() -> StateStores.sqlite(junk)).isInstanceOf(StoreException.class)
                .hasMessageContaining("junk.db");
    }

    @Test
    void tenThousandItemsInOneTransactionAreQuick() {
        FolderState f = state.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        long t = System.nanoTime();
        state.inTransaction(() -> {
            for (int i = 0; i < 10_000; i++) {
                state.putItem(new ItemState(f.id(), i + 1, "id" + i, Flags.NONE, 2000, "<" + i + "@x>", false));
            }
        });
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertThat(state.items(f.id())).hasSize(10_000);
        System.out.println("10,000 putItem in one transaction: " + ms + " ms");
    }

    /** A child JVM commits one transaction, starts another, and dies without closing anything. */
    public static void main(String[] args) {
        SyncStateStore s = StateStores.sqlite(Paths.get(args[0]));
        FolderState f = s.putFolder(new FolderState(0, INBOX, FolderKind.MAIL, "A", null));
        s.inTransaction(() -> s.putItem(new ItemState(f.id(), 1, "committed", Flags.NONE, 1, null, false)));
        s.inTransaction(() -> {
            s.putItem(new ItemState(f.id(), 2, "uncommitted", Flags.NONE, 1, null, false));
            Runtime.getRuntime().halt(0);
        });
    }

    @Test
    void aKilledProcessKeepsWhatItCommittedAndNothingElse() throws Exception {
        Path db = dir.resolve("killed.db");
        Process p = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteStateStoreTest.class.getName(), db.toString()))
                .inheritIO().start();
        assertThat(p.waitFor()).isZero();
        SyncStateStore s = StateStores.sqlite(db);
        assertThat(s.itemByLocalId("committed")).isPresent();
        assertThat(s.itemByLocalId("uncommitted")).isEmpty();
        s.close();
    }
}
