package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against a calendar the server gives read only (current-user-privilege-set: read): local
 * changes are reverted or reported as the settings say, and nothing is written to the server.
 */
class ReadOnlyCalendarSyncTest {
    static final FolderPath WORK = FolderPath.of("Work");
    static final String E1 = MiniCalDavServer.CAL + "e1.ics";

    @TempDir
    Path tmp;

    final MiniCalDavServer server = DavRightsTest.start();
    final LocalStore local = LocalStores.inMemory(RadicaleSyncIT::uidOf);
    final SyncStateStore state = StateStores.inMemory();
    boolean revert;

    @BeforeEach
    void readOnlyCalendarSyncedOnce() {
        server.put(E1, RadicalePeer.event("e1", "Original"));
        server.put(MiniCalDavServer.CAL + "e2.ics", RadicalePeer.event("e2", "Second"));
        server.privileges.put(MiniCalDavServer.CAL, List.of("read"));
        // As a real server would: the rights are enforced too, so a write that slipped through would fail loudly.
        server.readOnly.add(MiniCalDavServer.CAL);
        sync();
        assertThat(keys()).containsExactly("e1", "e2");
    }

    @AfterEach
    void stop() {
        server.close();
        local.close();
        state.close();
    }

    SyncReport sync() {
        SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).revertReadOnlyChanges(revert).build();
        try (DavRemoteStore remote = DavRemoteStore.builder(server.base()).credentials("u", "pw".toCharArray())
                .state(tmp.resolve("dav.json")).build()) {
            return SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s)
                    .firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).build().syncOnce();
        }
    }

    List<String> keys() {
        return local.items(WORK).stream().map(LocalItem::key).sorted().toList();
    }

    LocalItem item(String key) {
        return local.items(WORK).stream().filter(i -> key.equals(i.key())).findFirst().orElseThrow();
    }

    String text(String key) {
        try (InputStream in = local.open(WORK, item(key).id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void edit(String key, String summary) {
        local.replaceContent(WORK, item(key).id(),
                new ByteArrayInputStream(RadicalePeer.event(key, summary).getBytes(StandardCharsets.UTF_8)));
    }

    void add(String key) {
        local.add(WORK, Flags.NONE, 0, new ByteArrayInputStream(RadicalePeer.event(key, "New").getBytes(StandardCharsets.UTF_8)));
    }

    List<IgnoredItem> failuresInWork() {
        return state.failures().stream().filter(f -> f.folder().equals(WORK)).toList();
    }

    void assertNothingWrittenToTheServer() {
        assertThat(server.seen).noneMatch(s -> s.method().equals("PUT") || s.method().equals("DELETE"));
        assertThat(new String(server.resources.get(E1), StandardCharsets.UTF_8)).contains("SUMMARY:Original");
        assertThat(server.resources).containsOnlyKeys(E1, MiniCalDavServer.CAL + "e2.ics");
    }

    @Test
    void withoutRevertALocalEditIsReportedAsReadOnlyAndNotSent() {
        edit("e1", "Edited here");

        SyncReport r = sync();

        assertThat(r.failed()).isEqualTo(1);
        assertThat(failuresInWork()).singleElement().satisfies(f -> assertThat(f.lastError()).contains("read-only"));
        assertNothingWrittenToTheServer();
        assertThat(text("e1")).contains("SUMMARY:Edited here");
    }

    @Test
    void withoutRevertNewAndDeletedEventsAreReportedAndNotSent() {
        add("e3");
        local.delete(WORK, item("e2").id());

        SyncReport r = sync();

        assertThat(r.failed()).isEqualTo(2);
        assertThat(failuresInWork()).hasSize(2).allSatisfy(f -> assertThat(f.lastError()).contains("read-only"));
        assertNothingWrittenToTheServer();
    }

    @Test
    void withRevertNewAndDeletedEventsAreUndoneLocally() {
        revert = true;
        add("e3");
        local.delete(WORK, item("e2").id());

        SyncReport r = sync();

        assertThat(r.failed()).isZero();
        assertThat(keys()).containsExactly("e1", "e2");
        assertThat(text("e2")).contains("SUMMARY:Second");
        assertNothingWrittenToTheServer();
    }

    @Test
    void withRevertALocalEditIsNeverSentAndTheServersVersionComesBack() {
        revert = true;
        edit("e1", "Edited here");

        SyncReport r = sync();

        assertThat(r.failed()).isZero();
        assertThat(keys()).containsExactly("e1", "e2");
        assertThat(text("e1")).contains("SUMMARY:Original").doesNotContain("Edited here");
        assertThat(sync().changedAnything()).isFalse();
        assertNothingWrittenToTheServer();
    }

    @Test
    void aServerThatRefusesWritesWithoutSayingSoGetsAClearFailure() {
        server.privileges.clear();
        add("e3");

        SyncReport r = sync();

        assertThat(r.failed()).isEqualTo(1);
        assertThat(failuresInWork()).singleElement().satisfies(f -> assertThat(f.lastError())
                .contains("add an item in 'Work'").contains("read-only"));
        assertThat(server.count("PUT", MiniCalDavServer.CAL + "e3.ics", null)).isEqualTo(1);
        assertThat(server.resources).doesNotContainKey(MiniCalDavServer.CAL + "e3.ics");
    }
}
