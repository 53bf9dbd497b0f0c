package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Change detection by sync-collection (RFC 6578) against {@link MiniCalDavServer}: only what changed
 * is asked for, the token survives a reopen, and a refused token or REPORT falls back to the whole
 * listing with the same result.
 */
class SyncCollectionTest extends MiniCalDavFixture {
    static final FolderPath WORK = FolderPath.of("Work");
    static final String CAL = MiniCalDavServer.CAL;

    static List<Long> uids(RemoteChanges c) {
        return c.items().stream().map(RemoteItem::uid).toList();
    }

    long fullListings() {
        return server.count("PROPFIND", CAL, "1");
    }

    long syncReports() {
        return server.reports.stream().filter("sync-collection"::equals).count();
    }

    void events(int n) {
        for (int i = 0; i < n; i++) {
            server.put(CAL + "e" + i + ".ics", RadicalePeer.event("e" + i, "Meeting " + i));
        }
    }

    /** An edit, a deletion and a creation made elsewhere. */
    void changeElsewhere() {
        server.put(CAL + "e1.ics", RadicalePeer.event("e1", "Meeting 1 (moved)"));
        server.remove(CAL + "e2.ics");
        server.put(CAL + "new.ics", RadicalePeer.event("new", "New"));
    }

    static Map<String, Long> byObject(DavRemoteStore store, RemoteChanges c) {
        return MultigetFetchTest.bySummary(store, WORK, c);
    }

    @Test
    void changesElsewhereAreFoundByOneReportWithoutAWholeListing() {
        events(4);
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            Map<String, Long> before = byObject(store, first);
            changeElsewhere();

            RemoteChanges second = store.changes(WORK, first.cursor(), false);
            Map<String, Long> after = byObject(store, second);

            assertThat(after.keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)", "Meeting 3", "New");
            assertThat(after.get("Meeting 0")).isEqualTo(before.get("Meeting 0"));
            assertThat(after.get("Meeting 3")).isEqualTo(before.get("Meeting 3"));
            assertThat(uids(second)).doesNotContain(before.get("Meeting 1"), before.get("Meeting 2"));
            assertThat(second.cursor().uidValidity()).isEqualTo(first.cursor().uidValidity());
            assertThat(second.cursor()).isNotEqualTo(first.cursor());
        }
        assertThat(fullListings()).isEqualTo(1);
        assertThat(syncReports()).isEqualTo(1);
    }

    @Test
    void anUnchangedCollectionIsStillSkippedByItsCtag() {
        events(2);
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            RemoteChanges again = store.changes(WORK, first.cursor(), false);

            assertThat(again.cursor()).isEqualTo(first.cursor());
            assertThat(uids(again)).isEqualTo(uids(first));
        }
        assertThat(fullListings()).isEqualTo(1);
        assertThat(syncReports()).isZero();
    }

    @Test
    void anUploadHereIsNotSeenAsANewItemByTheNextReport() {
        events(1);
        try (DavRemoteStore store = open()) {
            store.changes(WORK, null, false);
            byte[] b = RadicalePeer.event("mine", "Mine").getBytes(StandardCharsets.UTF_8);
            long mine = store.append(WORK, Flags.NONE, null, b.length, () -> new ByteArrayInputStream(b));
            RemoteChanges before = store.changes(WORK, null, false);

            RemoteChanges after = store.changes(WORK, before.cursor(), false);

            assertThat(uids(before)).contains(mine).hasSize(2);
            assertThat(uids(after)).isEqualTo(uids(before));
            assertThat(after.cursor()).isEqualTo(before.cursor());
        }
        assertThat(fullListings()).isEqualTo(1);
    }

    @Test
    void theTokenIsKeptInTheStateFileAcrossAReopen() {
        events(3);
        RemoteChanges first;
        try (DavRemoteStore store = open()) {
            first = store.changes(WORK, null, false);
        }
        changeElsewhere();
        try (DavRemoteStore store = open()) {
            RemoteChanges second = store.changes(WORK, first.cursor(), false);

            assertThat(byObject(store, second).keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)", "New");
        }
        assertThat(fullListings()).isEqualTo(1);
        assertThat(syncReports()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 409})
    void aTokenTheServerNoLongerAcceptsFallsBackToTheWholeListingThenSyncsAgain(int status) {
        server.invalidTokenStatus = status;
        events(4);
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            Map<String, Long> before = byObject(store, first);
            server.forgetTokens();
            changeElsewhere();

            RemoteChanges second = store.changes(WORK, first.cursor(), false);

            Map<String, Long> after = byObject(store, second);
            assertThat(after.keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)", "Meeting 3", "New");
            assertThat(after.get("Meeting 0")).isEqualTo(before.get("Meeting 0"));
            assertThat(fullListings()).isEqualTo(2);
            assertThat(syncReports()).isEqualTo(1);

            server.remove(CAL + "e3.ics");
            RemoteChanges third = store.changes(WORK, second.cursor(), false);

            assertThat(byObject(store, third).keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)", "New");
        }
        assertThat(fullListings()).as("the token of the whole listing is used at once").isEqualTo(2);
        assertThat(syncReports()).isEqualTo(2);
    }

    @Test
    void aServerThatRefusesTheReportIsListedWholeAndNotAskedAgain() {
        events(3);
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            server.reportStatus = 501;
            changeElsewhere();
            RemoteChanges second = store.changes(WORK, first.cursor(), false);
            server.remove(CAL + "e0.ics");
            RemoteChanges third = store.changes(WORK, second.cursor(), false);

            assertThat(uids(second)).hasSize(3);
            assertThat(uids(third)).hasSize(2).isSubsetOf(uids(second));
        }
        assertThat(syncReports()).isEqualTo(1);
        assertThat(fullListings()).isEqualTo(3);
    }

    @Test
    void aCollectionWithoutSyncTokenIsListedWhole() {
        server.syncCollection = false;
        events(3);
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            changeElsewhere();
            RemoteChanges second = store.changes(WORK, first.cursor(), false);

            assertThat(byObject(store, second).keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)", "New");
        }
        assertThat(syncReports()).isZero();
        assertThat(fullListings()).isEqualTo(2);
    }

    @Test
    void aTruncatedAnswerIsFollowedToTheEnd() {
        events(3);
        server.syncLimit = 2;
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            for (int i = 0; i < 5; i++) {
                server.put(CAL + "more" + i + ".ics", RadicalePeer.event("more" + i, "More " + i));
            }
            server.remove(CAL + "e0.ics");

            RemoteChanges second = store.changes(WORK, first.cursor(), false);

            assertThat(byObject(store, second).keySet()).containsExactly("Meeting 1", "Meeting 2", "More 0", "More 1",
                    "More 2", "More 3", "More 4");
        }
        assertThat(syncReports()).isEqualTo(3);
        assertThat(fullListings()).isEqualTo(1);
    }
}
