package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.AttachmentLinkStore.Row;
import io.icesync.core.store.AttachmentLinkStore.State;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attachment links of a profile in its state file, beside the sync state. */
class AttachmentLinkStoreTest {
    @TempDir
    Path dir;

    static Row link(String id, String localId, String url) {
        return new Row(id, "", "INBOX", localId, "<m@x>", "Report", url, "report.pdf", 42, null, State.NOT_FETCHED,
                null, null);
    }

    @Test
    void recordingAnItemAgainAddsNothingAndKeepsTheFetchState() {
        Path file = dir.resolve("state.db");
        try (AttachmentLinkStore s = AttachmentLinkStore.open(file)) {
            s.record("", "m1", List.of(link("aaaa0001", "m1", "https://h/webdav/a.pdf")), true);
            s.update("aaaa0001", State.FETCHED, null, "attachments/Report/report.pdf");
            s.record("", "m1", List.of(link("aaaa0001", "m1", "https://h/webdav/a.pdf")), true);
            assertThat(s.all()).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(State.FETCHED);
                assertThat(r.file()).isEqualTo("attachments/Report/report.pdf");
            });
            assertThat(s.scanned("")).containsExactly("m1");
            assertThat(s.scanned("dav")).isEmpty();
        }
        try (AttachmentLinkStore s = AttachmentLinkStore.open(file)) {
            assertThat(s.byId("aaaa0001")).map(Row::state).contains(State.FETCHED);
        }
    }

    @Test
    void anItemKnownByItsHeadersOnlyIsNotMarkedScannedAndAForgottenItemLosesItsLinks() {
        try (AttachmentLinkStore s = AttachmentLinkStore.open(dir.resolve("state.db"))) {
            s.record("", "m1", List.of(link("aaaa0001", "m1", "https://h/webdav/a.pdf")), false);
            s.record("", "m2", List.of(link("aaaa0002", "m2", "https://h/webdav/b.pdf")), true);
            assertThat(s.scanned("")).containsExactly("m2");

            s.forget("", "m1");
            assertThat(s.all()).extracting(Row::id).containsExactly("aaaa0002");
            assertThat(s.ofItem("", "m2")).extracting(Row::id).containsExactly("aaaa0002");
            s.update("aaaa0002", State.FAILED, "the SHA-256 is x, expected y", null);
            assertThat(s.byId("aaaa0002").orElseThrow().error()).isEqualTo("the SHA-256 is x, expected y");
        }
    }

    @Test
    void theLinksShareTheFileWithTheSyncStateAndItsScopes() {
        Path file = dir.resolve("state.db");
        try (SyncStateStore state = StateStores.sqlite(file); AttachmentLinkStore s = AttachmentLinkStore.open(file)) {
            state.putValue("k", "v");
            s.record("dav", "e1", List.of(), true);
            assertThat(state.value("k")).contains("v");
            assertThat(s.scanned("dav")).containsExactly("e1");
        }
    }
}
