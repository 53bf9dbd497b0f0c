package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.webdav.DavNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPORTs against Radicale 3 (../shared/peers/radicale-up.sh), through a relay that counts the
 * requests: objects come by calendar-multiget and addressbook-multiget, a hundred per request, with
 * the very bytes a GET gives; changes come by sync-collection, and a token Radicale no longer
 * accepts falls back to the whole listing.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class RadicaleReportsIT {
    static final String USER = "jean@iwdemo.test";

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final FolderPath calendar = FolderPath.of("Reports " + suffix);
    final FolderPath contacts = FolderPath.of("Reports book " + suffix);

    @TempDir
    Path tmp;

    final RadicalePeer other = new RadicalePeer(USER);
    final CountingProxy proxy = start();

    static CountingProxy start() {
        try {
            return new CountingProxy(RadicalePeer.SERVER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    DavRemoteStore open() {
        return DavRemoteStore.builder(proxy.base()).credentials(USER, RadicalePeer.PASSWORD.toCharArray())
                .state(tmp.resolve("dav-state.json")).build();
    }

    @AfterEach
    void cleanUp() {
        try (other; proxy) {
            other.deleteCollectionNamed(calendar.name());
            other.deleteCollectionNamed(contacts.name());
        }
    }

    /** The bytes another client's GET gives for a resource name of the collection. */
    Map<String, byte[]> byGet(String collection) {
        Map<String, byte[]> out = new TreeMap<>();
        for (String name : other.names(collection)) {
            out.put(name, other.read(collection + name).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aLargeCalendarComesByMultigetAHundredAtATimeWithTheBytesOfAGet() {
        try (DavRemoteStore store = open()) {
            store.createFolder(calendar, FolderKind.EVENTS);
            String col = other.collection(calendar.name());
            for (int i = 0; i < 230; i++) {
                other.write(col + "e" + i + ".ics", RadicalePeer.event("e" + i, "Réunion " + i + " & co"), "text/calendar");
            }
            proxy.reset();

            RemoteChanges listed = store.changes(calendar, null, false);
            MultigetFetchTest.Received got = MultigetFetchTest.fetch(store, calendar, listed.items());

            assertThat(got.failed).isEmpty();
            assertThat(got.bodies).hasSize(230);
            assertThat(got.bodies.values()).containsExactlyInAnyOrderElementsOf(byGet(col).values());
            got.bodies.forEach((uid, b) -> assertThat(got.sizes.get(uid)).isEqualTo(b.length));
            assertThat(listed.items()).allSatisfy(i -> assertThat(i.size()).isEqualTo(got.bodies.get(i.uid()).length));
        }
        assertThat(proxy.count("GET")).isZero();
        assertThat(proxy.reports("calendar-multiget")).isEqualTo(3);
    }

    @Test
    void contactsComeByAddressbookMultiget() {
        try (DavRemoteStore store = open()) {
            store.createFolder(contacts, FolderKind.CONTACTS);
            String col = other.collection(contacts.name());
            for (int i = 0; i < 5; i++) {
                other.write(col + "c" + i + ".vcf", RadicalePeer.card("c" + i, "Zoë Martin " + i), "text/vcard");
            }
            proxy.reset();

            MultigetFetchTest.Received got = MultigetFetchTest.fetch(store, contacts, store.changes(contacts, null, false).items());

            assertThat(got.failed).isEmpty();
            assertThat(got.bodies.values()).containsExactlyInAnyOrderElementsOf(byGet(col).values());
        }
        assertThat(proxy.count("GET")).isZero();
        assertThat(proxy.reports("addressbook-multiget")).isEqualTo(1);
    }

    @Test
    void anObjectDeletedSinceTheListingIsFailedAsNotFoundAndTheOthersArrive() {
        try (DavRemoteStore store = open()) {
            store.createFolder(calendar, FolderKind.EVENTS);
            String col = other.collection(calendar.name());
            for (int i = 0; i < 3; i++) {
                other.write(col + "e" + i + ".ics", RadicalePeer.event("e" + i, "Meeting " + i), "text/calendar");
            }
            RemoteChanges listed = store.changes(calendar, null, false);
            other.delete(col + "e1.ics");
            proxy.reset();

            MultigetFetchTest.Received got = MultigetFetchTest.fetch(store, calendar, listed.items());

            assertThat(got.bodies).hasSize(2);
            assertThat(got.failed.values()).singleElement().isInstanceOf(DavNotFoundException.class);
        }
        assertThat(proxy.count("GET")).isZero();
        assertThat(proxy.reports("calendar-multiget")).isEqualTo(1);
    }

    static Map<String, Long> bySummary(DavRemoteStore store, FolderPath folder, RemoteChanges c) {
        return MultigetFetchTest.bySummary(store, folder, c);
    }

    String calendarWith(DavRemoteStore store, int events) {
        store.createFolder(calendar, FolderKind.EVENTS);
        String col = other.collection(calendar.name());
        for (int i = 0; i < events; i++) {
            other.write(col + "e" + i + ".ics", RadicalePeer.event("e" + i, "Meeting " + i), "text/calendar");
        }
        return col;
    }

    @Test
    void changesElsewhereComeByOneSyncCollectionAndANoChangeRerunAsksOnlyTheCtag() {
        try (DavRemoteStore store = open()) {
            String col = calendarWith(store, 20);
            RemoteChanges first = store.changes(calendar, null, false);
            Map<String, Long> before = bySummary(store, calendar, first);
            other.write(col + "e1.ics", RadicalePeer.event("e1", "Meeting 1 (moved)"), "text/calendar");
            other.delete(col + "e2.ics");
            other.write(col + "new.ics", RadicalePeer.event("new", "New"), "text/calendar");
            assertThat(proxy.count("PROPFIND", "1", "/" + USER + "/" + col)).as("the first listing is whole").isEqualTo(1);
            proxy.reset();

            RemoteChanges second = store.changes(calendar, first.cursor(), false);

            assertThat(proxy.reports("sync-collection")).isEqualTo(1);
            assertThat(proxy.count("PROPFIND", "1", "/" + USER + "/" + col)).isZero();
            Map<String, Long> after = bySummary(store, calendar, second);
            assertThat(after).hasSize(20).containsKeys("Meeting 1 (moved)", "New").doesNotContainKeys("Meeting 1", "Meeting 2");
            assertThat(after.get("Meeting 0")).isEqualTo(before.get("Meeting 0"));
            assertThat(after.get("Meeting 19")).isEqualTo(before.get("Meeting 19"));
            assertThat(after.get("Meeting 1 (moved)")).isNotEqualTo(before.get("Meeting 1"));

            proxy.reset();
            RemoteChanges third = store.changes(calendar, second.cursor(), false);
            assertThat(third.cursor()).isEqualTo(second.cursor());
            assertThat(proxy.requests).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("PROPFIND");
                assertThat(r.depth()).isEqualTo("0");
            });
        }
    }

    @Test
    void aTokenRadicaleNoLongerAcceptsFallsBackToTheWholeListingThenSyncsAgain() throws IOException {
        Path state = tmp.resolve("dav-state.json");
        RemoteChanges first;
        Map<String, Long> before;
        String col;
        try (DavRemoteStore store = open()) {
            col = calendarWith(store, 5);
            first = store.changes(calendar, null, false);
            before = bySummary(store, calendar, first);
        }
        String saved = Files.readString(state);
        String forged = saved.replaceAll("(\"syncToken\"\\s*:\\s*\")http://radicale.org/ns/sync/[0-9a-f]+\"",
                "$1http://radicale.org/ns/sync/" + "0".repeat(64) + "\"");
        assertThat(forged).as("the state file keeps Radicale's token").isNotEqualTo(saved);
        Files.writeString(state, forged);
        other.write(col + "e1.ics", RadicalePeer.event("e1", "Meeting 1 (moved)"), "text/calendar");

        try (DavRemoteStore store = open()) {
            proxy.reset();
            RemoteChanges second = store.changes(calendar, first.cursor(), false);

            assertThat(proxy.reports("sync-collection")).isEqualTo(1);
            assertThat(proxy.count("PROPFIND", "1", "/" + USER + "/" + col)).isEqualTo(1);
            Map<String, Long> after = bySummary(store, calendar, second);
            assertThat(after.keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)", "Meeting 2", "Meeting 3", "Meeting 4");
            assertThat(after.get("Meeting 0")).isEqualTo(before.get("Meeting 0"));

            other.delete(col + "e3.ics");
            proxy.reset();
            RemoteChanges third = store.changes(calendar, second.cursor(), false);

            assertThat(proxy.reports("sync-collection")).isEqualTo(1);
            assertThat(proxy.count("PROPFIND", "1", "/" + USER + "/" + col)).isZero();
            assertThat(bySummary(store, calendar, third).keySet()).containsExactly("Meeting 0", "Meeting 1 (moved)",
                    "Meeting 2", "Meeting 4");
        }
    }
}
