package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderPath;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import io.icesync.webdav.DavNotFoundException;
import io.icesync.webdav.MalformedResponseException;
import io.icesync.webdav.dav.internal.DavCalls;
import io.icesync.webdav.dav.internal.XmlBodies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code fetch} by calendar-multiget and addressbook-multiget against {@link MiniCalDavServer}:
 * batches, the exact bytes of each object (CRLF back), per-item failures and the GET fallback.
 */
class MultigetFetchTest extends MiniCalDavFixture {
    static final FolderPath WORK = FolderPath.of("Work");
    static final FolderPath BOOK = FolderPath.of("Work (2)");

    /** What a sink received: bytes by UID, the size it was told, and the failures. */
    static final class Received implements ItemSink {
        final Map<Long, byte[]> bodies = new LinkedHashMap<>();
        final Map<Long, Long> sizes = new LinkedHashMap<>();
        final Map<Long, Exception> failed = new LinkedHashMap<>();

        @Override
        public void accept(RemoteItem item, boolean partial, InputStream content) throws IOException {
            bodies.put(item.uid(), content.readAllBytes());
            sizes.put(item.uid(), item.size());
        }

        @Override
        public void failed(long uid, Exception cause) {
            failed.put(uid, cause);
        }
    }

    static Received fetch(DavRemoteStore store, FolderPath folder, List<RemoteItem> items) {
        Received r = new Received();
        store.fetch(folder, items, FetchMode.FULL, r);
        return r;
    }

    /** SUMMARY -> UID of the listed items, read by fetching them: the UIDs are the store's own, the summaries the test's. */
    static Map<String, Long> bySummary(DavRemoteStore store, FolderPath folder, RemoteChanges listed) {
        Map<String, Long> out = new TreeMap<>();
        fetch(store, folder, listed.items()).bodies.forEach((uid, b) -> {
            String text = new String(b, StandardCharsets.UTF_8);
            int at = text.indexOf("SUMMARY:") + 8;
            out.put(text.substring(at, text.indexOf("\r\n", at)), uid);
        });
        return out;
    }

    /** Stored text -> the same bytes as a GET would give. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void events(int n) {
        for (int i = 0; i < n; i++) {
            server.put(MiniCalDavServer.CAL + "e" + i + ".ics", RadicalePeer.event("e" + i, "Réunion n°" + i + " & <co>"));
        }
    }

    @Test
    void itemsComeByMultigetInBatchesOfAHundredWithTheirExactBytes() {
        events(250);
        try (DavRemoteStore store = open()) {
            RemoteChanges listed = store.changes(WORK, null, false);
            Received got = fetch(store, WORK, listed.items());

            assertThat(got.failed).isEmpty();
            assertThat(got.bodies).hasSize(250);
            for (Map.Entry<Long, byte[]> e : got.bodies.entrySet()) {
                String text = new String(e.getValue(), StandardCharsets.UTF_8);
                String uid = text.substring(text.indexOf("UID:") + 4, text.indexOf("\r\n", text.indexOf("UID:")));
                assertThat(e.getValue()).isEqualTo(server.resources.get(MiniCalDavServer.CAL + uid + ".ics"));
                assertThat(got.sizes.get(e.getKey())).isEqualTo(e.getValue().length);
            }
        }
        assertThat(server.reports).containsExactly("calendar-multiget", "calendar-multiget", "calendar-multiget");
        assertThat(server.seen).noneMatch(s -> s.method().equals("GET"));
    }

    @Test
    void aCrSentAsACharacterReferenceIsNotDoubled() {
        events(2);
        server.escapeCr = true;
        try (DavRemoteStore store = open()) {
            Received got = fetch(store, WORK, store.changes(WORK, null, false).items());

            assertThat(got.bodies.values()).containsExactlyInAnyOrder(server.resources.get(MiniCalDavServer.CAL + "e0.ics"),
                    server.resources.get(MiniCalDavServer.CAL + "e1.ics"));
        }
    }

    @Test
    void contactsComeByAddressbookMultiget() {
        String card = RadicalePeer.card("c1", "Zoë Martin");
        server.put(MiniCalDavServer.BOOK + "c1.vcf", card);
        try (DavRemoteStore store = open()) {
            Received got = fetch(store, BOOK, store.changes(BOOK, null, false).items());

            assertThat(got.bodies.values()).singleElement().isEqualTo(bytes(card));
            assertThat(got.sizes.values()).containsExactly((long) bytes(card).length);
        }
        assertThat(server.reports).containsExactly("addressbook-multiget");
        assertThat(server.seen).noneMatch(s -> s.method().equals("GET"));
    }

    @Test
    void anItemGoneSinceTheListingIsFailedAsNotFoundAndTheOthersArrive() {
        events(3);
        try (DavRemoteStore store = open()) {
            RemoteChanges listed = store.changes(WORK, null, false);
            server.remove(MiniCalDavServer.CAL + "e1.ics");

            Received got = fetch(store, WORK, listed.items());

            assertThat(got.bodies).hasSize(2);
            assertThat(got.failed).hasSize(1);
            assertThat(got.failed.values()).singleElement().isInstanceOf(DavNotFoundException.class)
                    .extracting(e -> ((DavNotFoundException) e).url()).asString().endsWith("/e1.ics");
        }
        assertThat(server.seen).noneMatch(s -> s.method().equals("GET"));
    }

    @Test
    void aServerThatRefusesTheReportIsReadByGetAndNotAskedAgain() {
        events(3);
        server.reportStatus = 501;
        try (DavRemoteStore store = open()) {
            RemoteChanges listed = store.changes(WORK, null, false);
            Received first = fetch(store, WORK, listed.items().subList(0, 1));
            Received rest = fetch(store, WORK, listed.items().subList(1, 3));

            assertThat(first.bodies.values()).singleElement().isEqualTo(server.resources.get(MiniCalDavServer.CAL + "e0.ics"));
            assertThat(rest.bodies).hasSize(2);
        }
        assertThat(server.reports).hasSize(1);
        assertThat(server.seen).filteredOn(s -> s.method().equals("GET")).hasSize(3);
    }

    @Test
    void anAnswerWithoutTheObjectsFallsBackToGet() {
        events(2);
        server.multigetData = false;
        try (DavRemoteStore store = open()) {
            RemoteChanges listed = store.changes(WORK, null, false);
            Received first = fetch(store, WORK, listed.items());
            Received again = fetch(store, WORK, listed.items());

            assertThat(first.bodies.values()).containsExactlyInAnyOrder(server.resources.get(MiniCalDavServer.CAL + "e0.ics"),
                    server.resources.get(MiniCalDavServer.CAL + "e1.ics"));
            assertThat(again.bodies.values()).containsExactlyInAnyOrderElementsOf(first.bodies.values());
        }
        assertThat(server.reports).as("asked once: the server does not send objects in a multiget").hasSize(1);
        assertThat(server.seen).filteredOn(s -> s.method().equals("GET")).hasSize(4);
    }

    @Test
    void anItemLeftOutOfTheAnswerIsFetchedByGet() {
        events(3);
        server.leftOut.add(MiniCalDavServer.CAL + "e2.ics");
        try (DavRemoteStore store = open()) {
            Received got = fetch(store, WORK, store.changes(WORK, null, false).items());

            assertThat(got.failed).isEmpty();
            assertThat(got.bodies).hasSize(3);
        }
        assertThat(server.seen).filteredOn(s -> s.method().equals("GET")).extracting(MiniCalDavServer.Seen::path)
                .containsExactly(MiniCalDavServer.CAL + "e2.ics");
    }

    @Test
    void aReportAnswerLongerThanItsCapIsRefused() {
        events(3);
        try (DavCalls calls = new DavCalls(server.base(), "u",
                "pw".toCharArray(), null, Duration.ofSeconds(5))) {
            String body = XmlBodies.multiget(false,
                    List.of(MiniCalDavServer.CAL + "e0.ics", MiniCalDavServer.CAL + "e1.ics", MiniCalDavServer.CAL + "e2.ics"));
            URI at = server.base().resolve(MiniCalDavServer.CAL);

            assertThat(calls.report(at, body, false, 100_000).multi().entries()).hasSize(3);
            assertThatThrownBy(() -> calls.report(at, body, false, 1000))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("longer than 1000 bytes");
        }
    }

    @Test
    void anItemOfMoreThanOneMebibyteIsFetchedAloneByGet() {
        events(2);
        String big = RadicalePeer.event("big", "x".repeat(1_200_000));
        server.put(MiniCalDavServer.CAL + "big.ics", big);
        try (DavRemoteStore store = open()) {
            Received got = fetch(store, WORK, store.changes(WORK, null, false).items());

            assertThat(got.bodies.values()).contains(bytes(big)).hasSize(3);
        }
        assertThat(server.reports).hasSize(1);
        assertThat(server.seen).filteredOn(s -> s.method().equals("GET")).extracting(MiniCalDavServer.Seen::path)
                .containsExactly(MiniCalDavServer.CAL + "big.ics");
    }
}
