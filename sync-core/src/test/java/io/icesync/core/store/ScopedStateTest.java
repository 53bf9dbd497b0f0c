package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several services of one profile keep their state in one file without seeing each other's. */
class ScopedStateTest {
    private static final FolderPath SHARED_NAME = FolderPath.of("Documents");

    @TempDir
    Path dir;
    private SyncStateStore mail;
    private SyncStateStore documents;

    @BeforeEach
    void open() {
        mail = StateStores.sqlite(dir.resolve("state.db"));
        documents = StateStores.sqlite(dir.resolve("state.db"), "documents");
    }

    @AfterEach
    void close() {
        mail.close();
        documents.close();
    }

    @Test
    void theSameFolderPathAndItemIdLiveApartInEachScope() {
        FolderState m = mail.putFolder(new FolderState(0, SHARED_NAME, FolderKind.MAIL, "mail-dir", null));
        FolderState d = documents.putFolder(new FolderState(0, SHARED_NAME, FolderKind.DOCUMENTS, "doc-dir", null));
        mail.putItem(new ItemState(m.id(), 1, "same-id", Flags.NONE, 10, "<m@x>", false));
        documents.putItem(new ItemState(d.id(), 7, "same-id", Flags.NONE, 20, null, false));

        assertThat(mail.folders()).extracting(FolderState::kind).containsExactly(FolderKind.MAIL);
        assertThat(documents.folders()).extracting(FolderState::kind).containsExactly(FolderKind.DOCUMENTS);
        assertThat(mail.itemByLocalId("same-id").orElseThrow().size()).isEqualTo(10);
        assertThat(documents.itemByLocalId("same-id").orElseThrow().size()).isEqualTo(20);
        assertThat(mail.folder(d.id())).as("another scope's folder id").isEmpty();
        assertThat(documents.items(m.id())).isEmpty();
        assertThat(mail.itemCount()).isEqualTo(1);

        documents.removeFolder(m.id());
        assertThat(mail.items(m.id())).as("removing through the wrong scope touches nothing").hasSize(1);
        documents.removeFolder(d.id());
        assertThat(documents.folders()).isEmpty();
        assertThat(mail.folders()).hasSize(1);
        assertThat(mail.itemByLocalId("same-id")).isPresent();
    }

    @Test
    void intentsFailuresAndValuesAreApartTheSessionLogIsShared() {
        mail.addPending(new PendingOp(0, PendingOp.Kind.APPEND, SHARED_NAME, null, "a", 0, null, 1));
        documents.recordFailure(SHARED_NAME, "k", "a file", "boom");
        documents.recordFailure(SHARED_NAME, "k", "a file", "boom");
        mail.recordFailure(SHARED_NAME, "k", "a message", "bang");
        mail.putValue("firstSync", "MERGE");
        documents.putValue("firstSync", "SERVER");
        documents.log(new SessionEvent(Instant.EPOCH, SessionEvent.Level.INFO, "3 files down", null));
        mail.log(new SessionEvent(Instant.EPOCH, SessionEvent.Level.INFO, "2 messages down", null));

        assertThat(documents.pending()).isEmpty();
        assertThat(mail.pending()).hasSize(1);
        assertThat(documents.failures()).singleElement().satisfies(f -> assertThat(f.failures()).isEqualTo(2));
        assertThat(mail.failures()).singleElement().satisfies(f -> assertThat(f.failures()).isEqualTo(1));
        documents.clearFailures(null);
        assertThat(mail.failures()).hasSize(1);
        assertThat(mail.value("firstSync")).contains("MERGE");
        assertThat(documents.value("firstSync")).contains("SERVER");
        assertThat(mail.recentEvents(10)).extracting(SessionEvent::message)
                .containsExactly("documents: 3 files down", "2 messages down");
        assertThat(documents.recentEvents(10)).extracting(SessionEvent::message)
                .containsExactly("3 files down", "2 messages down");
    }

    @Test
    void aScopeNameOutsideTheAllowedLettersIsRefused() {
        assertThatThrownBy(() -> StateStores.sqlite(dir.resolve("state.db"), "Docs!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Docs!'");
        assertThatThrownBy(() -> StateStores.sqlite(dir.resolve("state.db"), "x".repeat(33)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
