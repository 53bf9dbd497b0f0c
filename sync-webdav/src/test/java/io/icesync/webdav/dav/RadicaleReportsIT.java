package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.webdav.DavNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPORTs against Radicale 3 (../shared/peers/radicale-up.sh), through a relay that counts the
 * requests: objects come by calendar-multiget and addressbook-multiget, a hundred per request, with
 * the very bytes a GET gives.
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
        Map<String, byte[]> out = new java.util.TreeMap<>();
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
}
