package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.fleet.FleetDatabase;
import io.icesync.fleet.PostgresStateStore;
import io.icesync.fleet.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The state store contract on the real PostgreSQL peer, each test in an account of its own. */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class PostgresStateStoreContractIT extends SyncStateStoreContract {
    private static final String PREFIX = "contract-" + UUID.randomUUID() + "-";
    private static FleetDatabase db;
    private String account;

    @BeforeAll
    static void connect() {
        db = TestDatabase.open();
    }

    @AfterAll
    static void cleanUp() {
        TestDatabase.forget(db, PREFIX);
        db.close();
    }

    @Override
    SyncStateStore newStore(Clock clock) {
        account = PREFIX + UUID.randomUUID() + "@test";
        return PostgresStateStore.open(db.dataSource(), account, "", clock);
    }

    @AfterEach
    void forgetAccount() {
        TestDatabase.forget(db, account);
    }

    @Test
    void accountsAndScopesDoNotSeeEachOthersStateButAnAccountsScopesShareItsLog() {
        FolderState inbox = folder(INBOX);
        state.putValue("k", "mail");
        try (PostgresStateStore dav = PostgresStateStore.open(db.dataSource(), account, "dav", clock);
             PostgresStateStore other = PostgresStateStore.open(db.dataSource(), account + ".other", "", clock)) {
            assertThat(dav.folders()).isEmpty();
            assertThat(other.folders()).isEmpty();
            FolderState davInbox = dav.putFolder(new FolderState(0, INBOX, FolderKind.EVENTS, "d", null));
            assertThat(davInbox.id()).isNotEqualTo(inbox.id());
            assertThat(other.value("k")).isEmpty();
            dav.putValue("k", "dav");
            assertThat(state.value("k")).contains("mail");

            dav.log(new SessionEvent(Instant.parse("2026-03-01T10:00:00Z"), SessionEvent.Level.INFO, "from dav", null));
            other.log(new SessionEvent(Instant.parse("2026-03-01T10:00:01Z"), SessionEvent.Level.INFO, "elsewhere", null));
            assertThat(state.recentEvents(10)).extracting(SessionEvent::message).containsExactly("dav: from dav");
            assertThat(state.folderByPath(FolderPath.of("INBOX"))).contains(inbox);
        } finally {
            TestDatabase.forget(db, account + ".other");
        }
    }

    @Test
    void aReadFromAnotherThreadSeesTheLastCommitNotTheTransactionUnderWay() throws Exception {
        state.putValue("k", "before");
        String[] seen = new String[1];
        state.inTransaction(() -> {
            state.putValue("k", "inside");
            Thread t = new Thread(() -> seen[0] = state.value("k").orElse(null));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen[0]).isEqualTo("before");
        assertThat(state.value("k")).contains("inside");
    }
}
